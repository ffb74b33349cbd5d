import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionPersonFragment } from '../../../gql/graphql';
import { useLogout } from '../../auth/hooks/useLogout';

export function UserMenu({ person }: { person: SessionPersonFragment }) {
  const { t } = useTranslation();
  const { logout, loggingOut } = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open', { name: person.displayName })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar name={person.displayName} color="initials" size="sm" />
            <Text size="sm" fw={500} visibleFrom="sm">
              {person.displayName}
            </Text>
            {/* On a phone the header also holds the notifications: the avatar alone says it's a menu. */}
            <Box component="span" visibleFrom="xs" display="inline-flex">
              <IconChevronDown size={14} aria-hidden />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{person.email ?? person.displayName}</Menu.Label>
        <Menu.Item component={Link} to="/me" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('nav.myProfile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void logout()}
          disabled={loggingOut}
          data-testid="logout"
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
