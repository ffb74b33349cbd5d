import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { SessionPersonFragment } from '../../../gql/graphql';
import { useOrganization } from '../hooks/useOrganization';
import { useOrganizationDefaultLocale } from '../hooks/useOrganizationDefaultLocale';
import { useRememberLocale } from '../hooks/useRememberLocale';
import { NotificationBell } from '../../notifications/components/NotificationBell';
import { BrandMark } from './BrandMark';
import { LanguageMenu } from './LanguageMenu';
import { MainNav } from './MainNav';
import { PageLoader } from './PageLoader';
import { UserMenu } from './UserMenu';
import classes from './AppLayout.module.css';

/** The signed-in frame: header (brand, organisation, notifications, language, user menu), navigation, page. */
export function AppLayout({ person }: { person: SessionPersonFragment }) {
  const { t } = useTranslation();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const { organization } = useOrganization();
  useOrganizationDefaultLocale(organization);
  useRememberLocale();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('app.closeNavigation') : t('app.openNavigation')}
            />
            <Link to="/" className={classes.brandLink} aria-label={t('app.homeLink')}>
              <BrandMark />
            </Link>
            {organization && (
              <Text c="dimmed" size="sm" visibleFrom="md" truncate>
                {organization.name}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <LanguageMenu />
            <UserMenu person={person} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label={t('nav.label')}>
        <MainNav roles={person.roles} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
