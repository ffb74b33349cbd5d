import '@mantine/charts/styles.css';
import { useMutation, useQuery } from '@apollo/client/react';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AgreeDevelopmentPlanDocument,
  AssessSkillDocument,
  MyDevelopmentDocument,
  RaiseTrainingNeedDocument,
  SetGoalProgressDocument,
  type PlanFieldsFragment,
} from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { autonomySeries } from '../utils/figures';
import { ApiErrorAlert, FigureCard, useDevFormat } from './DevUi';
import { MyEnrolments } from './TrainingPage';

/** An employee's own page: skills, training, plan, decisions and rights. */
export default function MyDevelopmentPage() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const q = useQuery(MyDevelopmentDocument, { fetchPolicy: 'cache-and-network' });
  const me = q.data?.myDevelopment;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('development.me.title')}
        description={me ? [me.positionTitle, me.teamName].filter(Boolean).join(' · ') : undefined}
      />
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.loading && !me && <PageLoader />}
      {me && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FigureCard
              label={t('development.autonomy.settled')}
              figure={{
                value: me.autonomy.current.settledWithoutEscalationPercent,
                previous: me.autonomy.previous.settledWithoutEscalationPercent,
                organization: me.autonomy.organization?.settledWithoutEscalationPercent ?? null,
              }}
              format={f.percent}
              testId="me-autonomy"
              hint={t('development.autonomy.decisions', { count: me.autonomy.current.total })}
            />
            <FigureCard
              label={t('development.me.hours')}
              figure={{ value: me.hoursThisYear, previous: null, organization: null }}
              format={f.one}
              testId="me-hours"
            />
            <Card withBorder padding="md">
              <Text size="xs" c="dimmed" fw={600}>
                {t('development.me.log')}
              </Text>
              <Button component={Link} to="/development/decisions" mt="xs" data-testid="me-log-decision">
                {t('development.decisions.log')}
              </Button>
            </Card>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder padding="md">
              <Text fw={600} mb="xs">
                {t('development.me.skills')}
              </Text>
              <BarChart
                h={240}
                data={me.skills.map((s) => ({
                  skill: s.skillName,
                  level: s.level ?? 0,
                  required: s.requiredLevel ?? 0,
                }))}
                dataKey="skill"
                yAxisProps={{ domain: [0, 4] }}
                withLegend
                series={[
                  { name: 'level', label: t('development.skills.level'), color: 'indigo.6' },
                  { name: 'required', label: t('development.skills.required'), color: 'gray.4' },
                ]}
              />
            </Card>
            <Card withBorder padding="md">
              <Text fw={600} mb="xs">
                {t('development.autonomy.trend')}
              </Text>
              <LineChart
                h={240}
                data={autonomySeries(me.autonomy.trend, f.month)}
                dataKey="month"
                unit=" %"
                connectNulls
                withLegend
                series={[
                  { name: 'own', label: me.personName, color: 'indigo.6' },
                  { name: 'organization', label: t('development.common.org'), color: 'gray.5' },
                ]}
              />
            </Card>
          </SimpleGrid>
          <SkillsTable personId={me.personId} skills={me.skills} />
          <MyEnrolments enrolments={me.enrolments} />
          {me.plans.map((p) => (
            <PlanCard key={p.id} plan={p} />
          ))}
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('development.me.rights')}
            </Title>
            <Table>
              <Table.Tbody>
                {me.rights.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.decisionTypeName}</Table.Td>
                    <Table.Td>
                      {r.limitAmount === null ? t('development.decisions.noLimit') : f.decimal(r.limitAmount)}
                    </Table.Td>
                    <Table.Td>{r.positionTitle ?? r.teamName}</Table.Td>
                    <Table.Td>{t('development.rights.since', { date: f.dateTime(r.validFrom) })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          {me.roleHistory.length > 0 && (
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                {t('development.me.career')}
              </Title>
              <Stack gap={4}>
                {me.roleHistory.map((h) => (
                  <Text key={h.id}>
                    {f.date(h.effectiveOn)} · {t(`development.roleChange.${h.kind}`)}
                    {h.toPositionTitle && ` · ${h.toPositionTitle}`}
                    {h.note && ` — ${h.note}`}
                  </Text>
                ))}
              </Stack>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}

function SkillsTable({
  personId,
  skills,
}: {
  personId: string;
  skills: readonly {
    skillId: string;
    skillName: string;
    requiredLevel: number | null;
    selfLevel: number | null;
    managerLevel: number | null;
    gap: number;
  }[];
}) {
  const { t } = useTranslation();
  const [assess, state] = useMutation(AssessSkillDocument, { refetchQueries: [MyDevelopmentDocument] });
  const [raise, raised] = useMutation(RaiseTrainingNeedDocument, { refetchQueries: [MyDevelopmentDocument] });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('development.me.skills')}
      </Title>
      <ApiErrorAlert error={state.error ?? raised.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('development.skills.skill')}</Table.Th>
            <Table.Th>{t('development.skills.required')}</Table.Th>
            <Table.Th>{t('development.skills.manager')}</Table.Th>
            <Table.Th>{t('development.skills.self')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {skills.map((s) => (
            <Table.Tr key={s.skillId}>
              <Table.Td>
                {s.skillName}{' '}
                {s.gap > 0 && (
                  <Badge color="red" size="xs">
                    {t('development.skills.gap', { count: s.gap })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.requiredLevel ?? '—'}</Table.Td>
              <Table.Td>{s.managerLevel ?? '—'}</Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  w={90}
                  aria-label={t('development.skills.self')}
                  data={['1', '2', '3', '4']}
                  value={s.selfLevel ? String(s.selfLevel) : null}
                  onChange={(v) =>
                    v &&
                    void assess({
                      variables: { input: { personId, skillId: s.skillId, level: Number(v) } },
                    }).catch(() => undefined)
                  }
                />
              </Table.Td>
              <Table.Td>
                {s.gap > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      void raise({ variables: { input: { skillId: s.skillId } } }).catch(() => undefined)
                    }
                  >
                    {t('development.skills.askTraining')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** A development plan with its goals, progress and agreement. */
export function PlanCard({ plan }: { plan: PlanFieldsFragment }) {
  const { t } = useTranslation();
  const f = useDevFormat();
  const [agree, agreeState] = useMutation(AgreeDevelopmentPlanDocument);
  const [progress, progressState] = useMutation(SetGoalProgressDocument);
  return (
    <Card withBorder padding="lg" data-testid="plan">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {plan.title} · {plan.personName}
        </Title>
        <Group gap="xs">
          <Badge color={plan.onTrack ? 'teal' : 'red'}>
            {plan.onTrack ? t('development.plans.onTrackBadge') : t('development.plans.late')}
          </Badge>
          <Badge variant="light">{t(`development.planStatus.${plan.status}`)}</Badge>
          {plan.nextReviewOn && (
            <Badge variant="outline">
              {t('development.plans.nextReview', { date: f.date(plan.nextReviewOn) })}
            </Badge>
          )}
          {plan.status === 'DRAFT' && (
            <Button
              size="xs"
              onClick={() => void agree({ variables: { planId: plan.id } }).catch(() => undefined)}
            >
              {t('development.plans.agree')}
            </Button>
          )}
        </Group>
      </Group>
      <ApiErrorAlert error={agreeState.error ?? progressState.error} />
      <Stack gap="xs">
        {plan.goals.map((g) => (
          <Group key={g.id} justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ flex: 1 }}>
              <Text size="sm" fw={500}>
                {g.title}
              </Text>
              <Text size="xs" c={g.late ? 'red' : 'dimmed'}>
                {g.ownerName} · {f.date(g.dueOn)}
              </Text>
              <Progress value={g.progress} color={g.late ? 'red' : 'indigo'} mt={4} />
            </Stack>
            <Select
              size="xs"
              w={90}
              aria-label={t('development.plans.progress')}
              data={['0', '25', '50', '75', '100']}
              value={String(Math.round(g.progress / 25) * 25)}
              onChange={(v) =>
                v &&
                void progress({ variables: { input: { goalId: g.id, progress: Number(v) } } }).catch(
                  () => undefined,
                )
              }
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
