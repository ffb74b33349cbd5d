import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamKind, TeamsQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useTeams } from '../hooks/useTeams';
import { groupTeamsByKind, TEAM_KIND_COLORS } from '../utils/group-teams';

type Team = TeamsQuery['teams'][number];

export default function TeamsPage() {
  const { t, i18n } = useTranslation();
  const { teams, loading, error, refetch } = useTeams();
  const groups = useMemo(() => groupTeamsByKind(teams ?? [], i18n.language), [teams, i18n.language]);
  const names = useMemo(() => new Map((teams ?? []).map((team) => [team.id, team.name])), [teams]);

  return (
    <>
      <PageHeader title={t('teams.title')} description={t('teams.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !teams && <PageLoader />}
      <Stack gap="xl">
        {groups.map((group) => (
          <TeamGroup key={group.kind} kind={group.kind} teams={group.teams} parentNames={names} />
        ))}
      </Stack>
    </>
  );
}

interface TeamGroupProps {
  kind: TeamKind;
  teams: Team[];
  parentNames: Map<string, string>;
}

function TeamGroup({ kind, teams, parentNames }: TeamGroupProps) {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useFormatters();
  const members = teams.reduce((sum, team) => sum + team.memberCount, 0);
  const headingId = `team-kind-${kind}`;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="sm" mb={4} align="baseline">
        <Title order={2} size="h3" id={headingId}>
          {t(`teamKind.${kind}`)}
        </Title>
        <Badge variant="light" color={TEAM_KIND_COLORS[kind]} tt="none">
          {t('teams.groupSummary', { count: teams.length, members: format.number(members) })}
        </Badge>
      </Group>
      <Text c="dimmed" size="sm" mb="sm">
        {t(`teams.kindDescription.${kind}`, { context })}
      </Text>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover layout="fixed" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="34%">
                  {t('teams.columns.team')}
                </Table.Th>
                <Table.Th scope="col" w="26%">
                  {t('teams.columns.manager')}
                </Table.Th>
                <Table.Th scope="col" w="26%">
                  {t('teams.columns.parent')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('teams.columns.members')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <Table.Tr key={team.id} data-testid="team-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/teams/${team.id}`} inherit fw={500}>
                      {team.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {team.manager ? (
                      <Anchor component={Link} to={`/people/${team.manager.id}`} inherit c="inherit">
                        {team.manager.displayName}
                      </Anchor>
                    ) : (
                      <Text span c="dimmed">
                        {t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {team.parentId && parentNames.has(team.parentId) ? (
                      <Anchor component={Link} to={`/teams/${team.parentId}`} inherit c="inherit">
                        {parentNames.get(team.parentId)}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(team.memberCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </section>
  );
}
