import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../gql/graphql';
import { useDeskAccess } from '../../desk/hooks/useDeskAccess';
import { isNavItemActive, visibleSections, type NavFeature } from '../utils/navigation';

interface MainNavProps {
  roles: readonly Role[];
  onNavigate?: () => void;
}

/** Role-aware navigation: each person sees only the sections they can open. */
export function MainNav({ roles, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const desk = useDeskAccess();
  const features = new Set<NavFeature>([
    ...(desk.desk ? (['desk'] as const) : []),
    ...(desk.dashboard ? (['deskDashboard'] as const) : []),
  ]);
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap="md" p="sm">
        {visibleSections(roles, features).map((section) => (
          <div key={section.title}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} id={section.title}>
              {t(section.title)}
            </Text>
            <ul aria-labelledby={section.title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {section.items.map((item) => {
                const active = isNavItemActive(item, pathname);
                return (
                  <li key={item.to}>
                    <NavLink
                      component={Link}
                      to={item.to}
                      label={t(item.label)}
                      leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={onNavigate}
                      data-testid={item.testId}
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
