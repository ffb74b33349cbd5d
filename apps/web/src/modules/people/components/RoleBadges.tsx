import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../gql/graphql';
import { ROLE_COLORS, sortRoles } from '../utils/roles';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Group
      gap={6}
      component="ul"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      aria-label={t('person.roles')}
    >
      {sortRoles(roles).map((role) => (
        <li key={role}>
          <Badge variant="light" color={ROLE_COLORS[role]}>
            {t(`role.${role}`)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
