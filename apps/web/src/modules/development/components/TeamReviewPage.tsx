import '@mantine/charts/styles.css';
import { useMutation, useQuery } from '@apollo/client/react';
import { BarChart, LineChart } from '@mantine/charts';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  DevelopmentReviewDocument,
  RecordDevelopmentReviewDocument,
  ReviewTeamsDocument,
  TeamPeopleDocument,
  type DevelopmentReviewQuery,
} from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { autonomySeries } from '../utils/figures';
import { ApiErrorAlert, FigureCard, useDevFormat } from './DevUi';

type Review = DevelopmentReviewQuery['developmentReview'];

/** One team's development review: each figure with its trend and the organisation beside it. */
export default function TeamReviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const teams = useQuery(ReviewTeamsDocument);
  const list = teams.data?.developmentReviewTeams ?? [];
  const teamId = params.get('team') ?? list[0]?.id ?? null;
  const review = useQuery(DevelopmentReviewDocument, {
    variables: { teamId: teamId ?? '' },
    skip: !teamId,
    fetchPolicy: 'cache-and-network',
  });
  const r = review.data?.developmentReview;
  return (
    <Stack gap="lg">
      <PageHeader title={t('development.review.title')} description={t('development.review.description')} />
      {teams.error && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {list.length > 1 && (
        <Select
          label={t('development.common.team')}
          data-testid="review-team"
          searchable
          maw={360}
          data={list.map((x) => ({ value: x.id, label: x.name }))}
          value={teamId}
          onChange={(id) => id && setParams({ team: id })}
        />
      )}
      {review.error && <QueryError error={review.error} onRetry={() => void review.refetch()} />}
      {review.loading && !r && <PageLoader />}
      {r && (
        <>
          <Text c="dimmed" data-testid="review-team-name">
            {r.teamName} · {t('development.review.headcount', { count: r.headcount })}
            {r.managerName && ` · ${r.managerName}`}
          </Text>
          <AutonomySection r={r} />
          <SkillsTrainingSection r={r} />
          <PlansSurveysSection r={r} />
          <RecordReview teamId={r.teamId} onDone={() => void review.refetch()} />
          <PastReviews r={r} />
        </>
      )}
    </Stack>
  );
}

function AutonomySection({ r }: { r: Review }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  const a = r.autonomy;
  const fig = (
    k: 'settledWithoutEscalationPercent' | 'medianEscalationDelayHours' | 'meanLevelsCrossed',
  ) => ({
    value: a.current[k],
    previous: a.previous[k],
    organization: a.organization?.[k] ?? null,
  });
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {t('development.review.autonomy')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <FigureCard
          label={t('development.autonomy.settled')}
          figure={fig('settledWithoutEscalationPercent')}
          format={f.percent}
          testId="review-autonomy-settled"
          hint={`${t('development.autonomy.decisions', { count: a.current.total })} · ${t('development.autonomy.pending', { count: a.current.beyondRightsPending })}`}
        />
        <FigureCard
          label={t('development.autonomy.delay')}
          figure={fig('medianEscalationDelayHours')}
          format={(v) =>
            v === null || v === undefined ? '—' : t('development.common.hours', { value: f.one(v) })
          }
          higherIsBetter={false}
          testId="review-autonomy-delay"
        />
        <FigureCard
          label={t('development.autonomy.levels')}
          figure={fig('meanLevelsCrossed')}
          format={f.one}
          higherIsBetter={false}
          testId="review-autonomy-levels"
        />
        <FigureCard
          label={t('development.autonomy.perceived')}
          figure={{
            value: a.perceived?.favourable ?? null,
            previous: a.perceived?.previous ?? null,
            organization: a.perceived?.organization ?? null,
          }}
          format={f.percent}
          testId="review-autonomy-perceived"
          hint={
            a.perceived?.shown
              ? t('development.autonomy.respondents', { count: a.perceived.respondents ?? 0 })
              : t('development.common.hidden')
          }
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.autonomy.trend')}
          </Text>
          <LineChart
            h={220}
            data={autonomySeries(a.trend, f.month)}
            dataKey="month"
            unit=" %"
            connectNulls
            series={[
              { name: 'own', label: r.teamName, color: 'indigo.6' },
              { name: 'organization', label: t('development.common.org'), color: 'gray.5' },
            ]}
            withLegend
          />
        </Card>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.autonomy.usage')}
          </Text>
          <BarChart
            h={220}
            data={a.rightsUsage.map((u) => ({
              type: u.decisionTypeName,
              local: u.decidedLocally,
              escalated: u.escalated,
              beyond: u.beyondRights,
            }))}
            dataKey="type"
            type="stacked"
            withLegend
            series={[
              { name: 'local', label: t('development.kind.DECIDED_LOCALLY'), color: 'teal.6' },
              { name: 'escalated', label: t('development.kind.ESCALATED'), color: 'orange.5' },
              { name: 'beyond', label: t('development.kind.BEYOND_RIGHTS'), color: 'grape.5' },
            ]}
          />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function SkillsTrainingSection({ r }: { r: Review }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {t('development.review.skillsTraining')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FigureCard
          label={t('development.skills.coverage')}
          figure={r.skills.coverage}
          format={f.percent}
          testId="review-coverage"
        />
        <FigureCard
          label={t('development.training.hoursPerFte')}
          figure={r.training.hoursPerFte}
          format={f.one}
          testId="review-hours"
        />
        <FigureCard
          label={t('development.training.completionsPerPerson')}
          figure={r.training.completions}
          format={f.one}
          testId="review-completions"
          hint={t('development.training.openNeeds', { count: r.training.openNeeds })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.training.monthly')}
          </Text>
          <BarChart
            h={220}
            data={r.training.monthlyHours.map((m) => ({
              month: f.month(m.month),
              team: m.value === null ? 0 : Math.round(m.value * 100) / 100,
              organization: m.organization === null ? 0 : Math.round(m.organization * 100) / 100,
            }))}
            dataKey="month"
            withLegend
            series={[
              { name: 'team', label: r.teamName, color: 'indigo.6' },
              { name: 'organization', label: t('development.common.org'), color: 'gray.4' },
            ]}
          />
        </Card>
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.skills.gaps')}
          </Text>
          {r.skills.gaps.length === 0 ? (
            <Text c="dimmed">{t('development.skills.noGap')}</Text>
          ) : (
            <BarChart
              h={220}
              orientation="vertical"
              data={r.skills.gaps.map((g) => ({
                skill: g.skillName,
                below: g.below,
                met: g.required - g.below,
              }))}
              dataKey="skill"
              type="stacked"
              withLegend
              series={[
                { name: 'below', label: t('development.skills.below'), color: 'red.5' },
                { name: 'met', label: t('development.skills.met'), color: 'teal.5' },
              ]}
            />
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function PlansSurveysSection({ r }: { r: Review }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  const surveyHint = (s: Pick<Review['engagement'], 'note' | 'shown' | 'respondents'>) =>
    s.note === 'NO_SURVEY'
      ? t('development.review.noSurvey')
      : s.shown
        ? t('development.autonomy.respondents', { count: s.respondents ?? 0 })
        : t('development.common.hidden');
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {t('development.review.plansPeople')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <FigureCard
          label={t('development.plans.onTrack')}
          figure={r.plans.onTrackPercent}
          format={f.percent}
          testId="review-plans"
          hint={t('development.plans.counts', {
            total: r.plans.total,
            late: r.plans.late,
            agreed: r.plans.agreed,
          })}
        />
        <FigureCard
          label={t('development.review.engagement')}
          figure={r.engagement.score}
          format={f.percent}
          testId="review-engagement"
          hint={surveyHint(r.engagement)}
        />
        <FigureCard
          label={t('development.review.upward')}
          figure={r.upwardFeedback.score}
          format={f.percent}
          testId="review-upward"
          hint={surveyHint(r.upwardFeedback)}
        />
        {r.retention.basis === 'LEAVING_DATES' ? (
          <FigureCard
            label={t('development.review.retention')}
            figure={r.retention.retention}
            format={f.percent}
            testId="review-retention"
          />
        ) : (
          <FigureCard
            label={t('development.review.tenure')}
            figure={r.retention.tenureYears}
            format={f.one}
            testId="review-retention"
            hint={t('development.review.stable', { value: f.percent(r.retention.stablePercent.value) })}
          />
        )}
      </SimpleGrid>
      {r.plans.upcoming.length > 0 && (
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.plans.upcoming')}
          </Text>
          <Group gap="xs">
            {r.plans.upcoming.map((u) => (
              <Badge key={u.planId} variant="light">
                {u.personName} · {f.date(u.nextReviewOn)}
              </Badge>
            ))}
          </Group>
        </Card>
      )}
    </Stack>
  );
}

interface ActionDraft {
  title: string;
  ownerId: string | null;
  dueOn: string;
}

function RecordReview({ teamId, onDone }: { teamId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const people = useQuery(TeamPeopleDocument, { variables: { teamId } });
  const [conclusions, setConclusions] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [saved, setSaved] = useState(false);
  const [record, state] = useMutation(RecordDevelopmentReviewDocument);
  const owners = (people.data?.people.items ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  const update = (i: number, patch: Partial<ActionDraft>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const submit = () =>
    void record({
      variables: {
        input: {
          teamId,
          conclusions,
          actions: actions.map((a) => ({ title: a.title, ownerId: a.ownerId, dueOn: a.dueOn || null })),
        },
      },
    })
      .then(() => {
        setSaved(true);
        setConclusions('');
        setActions([]);
        onDone();
      })
      .catch(() => setSaved(false));
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.review.record')}
      </Title>
      <Stack gap="sm">
        <Textarea
          label={t('development.review.conclusions')}
          autosize
          minRows={3}
          value={conclusions}
          onChange={(e) => setConclusions(e.currentTarget.value)}
          data-testid="review-conclusions"
        />
        {actions.map((a, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('development.review.action')}
              value={a.title}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
              data-testid={`review-action-${i}-title`}
              style={{ flex: 2 }}
            />
            <Select
              label={t('development.review.owner')}
              data={owners}
              value={a.ownerId}
              onChange={(v) => update(i, { ownerId: v })}
              searchable
              data-testid={`review-action-${i}-owner`}
              style={{ flex: 1 }}
            />
            <TextInput
              label={t('development.review.due')}
              type="date"
              value={a.dueOn}
              onChange={(e) => update(i, { dueOn: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('development.review.removeAction')}
              onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setActions((list) => [...list, { title: '', ownerId: null, dueOn: '' }])}
            data-testid="review-add-action"
          >
            {t('development.review.addAction')}
          </Button>
          <Button onClick={submit} loading={state.loading} data-testid="review-submit">
            {t('development.review.save')}
          </Button>
        </Group>
        <ApiErrorAlert error={state.error} />
        {saved && (
          <Text c="teal" data-testid="review-saved">
            {t('development.review.saved')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function PastReviews({ r }: { r: Review }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  if (!r.reviews.length) return null;
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.review.past')}
      </Title>
      <Stack gap="md" data-testid="past-reviews">
        {r.reviews.map((rev) => (
          <Stack key={rev.id} gap={4}>
            <Text fw={600}>
              {f.date(rev.reviewedOn)}
              {rev.recordedByName && ` · ${rev.recordedByName}`}
            </Text>
            <Text>{rev.conclusions}</Text>
            {rev.actions.length > 0 && (
              <Table>
                <Table.Tbody>
                  {rev.actions.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.title}</Table.Td>
                      <Table.Td>{a.ownerName}</Table.Td>
                      <Table.Td>{a.dueOn ? f.date(a.dueOn) : '—'}</Table.Td>
                      <Table.Td>
                        {a.done ? <Badge color="teal">{t('development.review.done')}</Badge> : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
