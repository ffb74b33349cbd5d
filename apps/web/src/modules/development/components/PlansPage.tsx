import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateDevelopmentPlanDocument,
  DevelopmentPlansDocument,
  RecordRoleChangeDocument,
  ReviewTeamsDocument,
  RoleHistoryDocument,
  SkillsCatalogueDocument,
  TeamPeopleDocument,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { localDay, roleChangeInput, type RoleChangeDraft } from '../utils/actions';
import { ApiErrorAlert, useDevFormat } from './DevUi';
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
          data-testid="plans-team"
          allowDeselect={false}
        />
      )}
      {isManager && id && <NewPlan teamId={id} onDone={() => void plans.refetch()} />}
      {isManager && id && (
        <RoleChangeForm
          key={id}
          teamId={id}
          teams={teams.data?.developmentReviewTeams ?? []}
          onDone={() => void plans.refetch()}
        />
      )}
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

const ROLE_CHANGE_KINDS = ['PROMOTION', 'NEW_RESPONSIBILITY', 'MOVE'] as const;

/** HR or a manager of the person's line records a promotion, new responsibility or move; the history follows. */
function RoleChangeForm({
  teamId,
  teams,
  onDone,
}: {
  teamId: string;
  teams: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const f = useDevFormat();
  const people = useQuery(TeamPeopleDocument, { variables: { teamId } });
  const catalogue = useQuery(SkillsCatalogueDocument);
  const empty = (): RoleChangeDraft => ({
    personId: null,
    kind: 'PROMOTION',
    effectiveOn: localDay(new Date()),
    toPositionId: null,
    toTeamId: null,
    note: '',
  });
  const [draft, setDraft] = useState<RoleChangeDraft>(empty);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<RoleChangeDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const history = useQuery(RoleHistoryDocument, {
    variables: { personId: draft.personId ?? '' },
    skip: !draft.personId,
    fetchPolicy: 'cache-and-network',
  });
  const [record, state] = useMutation(RecordRoleChangeDocument, {
    refetchQueries: [RoleHistoryDocument, TeamPeopleDocument],
    awaitRefetchQueries: true,
  });
  const input = roleChangeInput(draft);
  const positions = (catalogue.data?.careerTracks ?? []).flatMap((track) =>
    track.positions.map((p) => ({ value: p.id, label: `${p.title} · ${track.name}` })),
  );
  return (
    <Card withBorder padding="lg" component="section" data-testid="role-change">
      <Title order={2} size="h4" mb="sm">
        {t('development.careers.record')}
      </Title>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('development.plans.person')}
            data={(people.data?.people.items ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            value={draft.personId}
            onChange={(v) => set({ personId: v })}
            searchable
            data-testid="role-change-person"
          />
          <Select
            label={t('development.careers.kind')}
            data={ROLE_CHANGE_KINDS.map((k) => ({ value: k, label: t(`development.roleChange.${k}`) }))}
            value={draft.kind}
            onChange={(v) => set({ kind: v })}
            allowDeselect={false}
            data-testid="role-change-kind"
          />
          <TextInput
            type="date"
            label={t('development.careers.effectiveOn')}
            value={draft.effectiveOn}
            onChange={(e) => set({ effectiveOn: e.currentTarget.value })}
            data-testid="role-change-date"
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('development.careers.toPosition')}
            data={positions}
            value={draft.toPositionId}
            onChange={(v) => set({ toPositionId: v })}
            searchable
            clearable
            data-testid="role-change-position"
          />
          <Select
            label={t('development.careers.toTeam')}
            data={teams.map((x) => ({ value: x.id, label: x.name }))}
            value={draft.toTeamId}
            onChange={(v) => set({ toTeamId: v })}
            searchable
            clearable
            data-testid="role-change-team"
          />
        </Group>
        <Textarea
          label={t('development.careers.note')}
          value={draft.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          autosize
          minRows={2}
          data-testid="role-change-note"
        />
        <Text size="xs" c="dimmed">
          {t('development.careers.hint')}
        </Text>
        <ApiErrorAlert error={state.error} />
        <Group>
          <Button
            disabled={!input}
            loading={state.loading}
            data-testid="role-change-submit"
            onClick={() =>
              input &&
              void record({ variables: { input } })
                .then(() => {
                  setDraft((d) => ({ ...empty(), personId: d.personId }));
                  setSaved(true);
                  onDone();
                })
                .catch(() => undefined)
            }
          >
            {t('development.common.save')}
          </Button>
          {saved && (
            <Text c="teal" size="sm" data-testid="role-change-saved">
              {t('development.careers.saved')}
            </Text>
          )}
        </Group>
        {draft.personId && (
          <Stack gap={4} data-testid="role-history">
            <Text fw={600}>{t('development.careers.history')}</Text>
            {history.error && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
            {history.data?.roleHistory.length === 0 && <Text c="dimmed">{t('development.common.none')}</Text>}
            {history.data?.roleHistory.map((h) => (
              <Text key={h.id} size="sm">
                {f.date(h.effectiveOn)} · {t(`development.roleChange.${h.kind}`)}
                {h.toPositionTitle && h.toPositionTitle !== h.fromPositionTitle && ` · ${h.toPositionTitle}`}
                {h.toTeamName && h.toTeamName !== h.fromTeamName && ` · ${h.toTeamName}`}
                {h.note && ` — ${h.note}`}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
