import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateDevelopmentPlanDocument,
  DevelopmentPlansDocument,
  ReviewTeamsDocument,
  TeamPeopleDocument,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { ApiErrorAlert } from './DevUi';
import { PlanCard } from './MyDevelopmentPage';

interface GoalDraft {
  title: string;
  ownerId: string | null;
  dueOn: string;
}

/** Development plans: a team's (managers, HR) or one's own; a manager drafts a plan with goals. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { person } = useSession();
  const isManager = person?.roles.some((r) => r === 'MANAGER' || r === 'HR' || r === 'ADMIN') ?? false;
  const teams = useQuery(ReviewTeamsDocument, { skip: !isManager });
  const [teamId, setTeamId] = useState<string | null>(null);
  const id = isManager ? (teamId ?? teams.data?.developmentReviewTeams[0]?.id ?? null) : null;
  const plans = useQuery(DevelopmentPlansDocument, {
    variables: { teamId: id },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Stack gap="lg">
      <PageHeader title={t('development.plans.title')} description={t('development.plans.description')} />
      {isManager && (
        <Select
          label={t('development.common.team')}
          searchable
          maw={360}
          data={(teams.data?.developmentReviewTeams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={id}
          onChange={setTeamId}
        />
      )}
      {isManager && id && <NewPlan teamId={id} onDone={() => void plans.refetch()} />}
      {plans.error && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {(plans.data?.developmentPlans ?? []).length === 0 && (
        <Text c="dimmed">{t('development.common.none')}</Text>
      )}
      {plans.data?.developmentPlans.map((p) => (
        <PlanCard key={p.id} plan={p} />
      ))}
    </Stack>
  );
}

function NewPlan({ teamId, onDone }: { teamId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const people = useQuery(TeamPeopleDocument, { variables: { teamId } });
  const { person } = useSession();
  const [personId, setPersonId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [goals, setGoals] = useState<GoalDraft[]>([{ title: '', ownerId: null, dueOn: '' }]);
  const [create, state] = useMutation(CreateDevelopmentPlanDocument);
  const options = (people.data?.people.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  const owners = [...options];
  if (person && !owners.some((o) => o.value === person.id))
    owners.push({ value: person.id, label: t('development.plans.me') });
  const update = (i: number, patch: Partial<GoalDraft>) =>
    setGoals((g) => g.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('development.plans.new')}
      </Title>
      <Stack gap="sm">
        <Group grow>
          <Select
            label={t('development.plans.person')}
            data={options}
            value={personId}
            onChange={setPersonId}
            searchable
          />
          <TextInput
            label={t('development.plans.planTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        </Group>
        {goals.map((g, i) => (
          <Group key={i} grow>
            <TextInput
              label={t('development.plans.goal')}
              value={g.title}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
            />
            <Select
              label={t('development.review.owner')}
              data={owners}
              value={g.ownerId}
              onChange={(v) => update(i, { ownerId: v })}
            />
            <TextInput
              type="date"
              label={t('development.review.due')}
              value={g.dueOn}
              onChange={(e) => update(i, { dueOn: e.currentTarget.value })}
            />
          </Group>
        ))}
        <ApiErrorAlert error={state.error} />
        <Group>
          <Button
            variant="default"
            onClick={() => setGoals((g) => [...g, { title: '', ownerId: null, dueOn: '' }])}
          >
            {t('development.plans.addGoal')}
          </Button>
          <Button
            onClick={() =>
              void create({
                variables: {
                  input: {
                    personId: personId ?? '',
                    title,
                    goals: goals.map((g) => ({ title: g.title, ownerId: g.ownerId, dueOn: g.dueOn })),
                  },
                },
              })
                .then(() => {
                  setTitle('');
                  setGoals([{ title: '', ownerId: null, dueOn: '' }]);
                  onDone();
                })
                .catch(() => undefined)
            }
          >
            {t('development.common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
