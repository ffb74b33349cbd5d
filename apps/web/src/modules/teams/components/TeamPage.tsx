import { Grid, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import type { TeamQuery } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useTeam } from '../hooks/useTeams';
import { TeamKindBadge } from './TeamKindBadge';
import { TeamMembersCard } from './TeamMembersCard';
import { SubTeams, SupportServices, TeamFacts } from './TeamSections';

type Team = TeamQuery['team'];

export default function TeamPage() {
  const { teamId = '' } = useParams();
  const { team, loading, error, refetch } = useTeam(teamId);
  if (loading && !team) return <PageLoader />;
  if (error || !team) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <TeamView key={team.id} team={team} />;
}

function TeamView({ team }: { team: Team }) {
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={team.name} aside={<TeamKindBadge kind={team.kind} />} titleTestId="team-name" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TeamFacts team={team} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <SubTeams team={team} />
            {team.supportServices.length > 0 && <SupportServices team={team} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <TeamMembersCard team={team} />
    </Stack>
  );
}
