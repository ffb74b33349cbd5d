import { Anchor, Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAddressBook, IconHierarchy2, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';
import { PageLoader } from './PageLoader';
import { QueryError } from './QueryError';
import { SymmetryCard } from './SymmetryCard';
import { useHome } from '../hooks/useHome';
import { ACCESS, hasAnyRole } from '../utils/access';
import { useSession } from '../../../platform/auth/useSession';
import type { HomeQuery } from '../../../gql/graphql';

export default function HomePage() {
  const { t } = useTranslation();
  const { me, loading, error, refetch } = useHome();
  if (loading && !me) return <PageLoader />;
  if (error || !me) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('home.welcome', { name: me.firstName })} description={t('home.subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PlaceCard me={me} />
        <SymmetryCard />
      </SimpleGrid>
      <Title order={2} size="h3">
        {t('home.explore')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <ShortcutCard
          to="/people"
          icon={IconAddressBook}
          title={t('nav.people')}
          body={t('home.shortcuts.people')}
        />
        <ShortcutCard
          to="/teams"
          icon={IconUsersGroup}
          title={t('nav.teams')}
          body={t('home.shortcuts.teams')}
        />
        <ShortcutCard
          to="/org-chart"
          icon={IconHierarchy2}
          title={t('nav.orgChart')}
          body={t('home.shortcuts.orgChart')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Where the person sits: team, manager, reports. */
function PlaceCard({ me }: { me: HomeQuery['me'] }) {
  const { t } = useTranslation();
  const { person } = useSession();
  const canOpenMyTeam = hasAnyRole(person?.roles, ACCESS.myTeam);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h3" mb="sm">
        {t('home.yourPlace')}
      </Title>
      <Stack gap="xs">
        {me.jobTitle && <Text>{me.jobTitle}</Text>}
        <Text>
          {t('home.team')}{' '}
          {me.team ? (
            <Anchor component={Link} to={`/teams/${me.team.id}`} fw={600}>
              {me.team.name}
            </Anchor>
          ) : (
            <Text span c="dimmed">
              {t('common.none')}
            </Text>
          )}
        </Text>
        <Text>
          {t('home.manager')}{' '}
          {me.manager ? (
            <Anchor component={Link} to={`/people/${me.manager.id}`} fw={600}>
              {me.manager.displayName}
            </Anchor>
          ) : (
            <Text span c="dimmed">
              {t('common.none')}
            </Text>
          )}
        </Text>
        {me.directReports.length > 0 && (
          <Text>
            {canOpenMyTeam ? (
              <Anchor component={Link} to="/my-team">
                {t('home.directReports', { count: me.directReports.length })}
              </Anchor>
            ) : (
              t('home.directReports', { count: me.directReports.length })
            )}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

interface ShortcutCardProps {
  to: string;
  icon: Icon;
  title: string;
  body: string;
}

function ShortcutCard({ to, icon: ShortcutIcon, title, body }: ShortcutCardProps) {
  return (
    <Card withBorder padding="lg" component={Link} to={to}>
      <ThemeIcon variant="light" size="lg" mb="sm" aria-hidden>
        <ShortcutIcon size={20} />
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {body}
      </Text>
    </Card>
  );
}
