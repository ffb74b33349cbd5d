import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  ApproveIncentiveRunDocument,
  ApproveIncentiveSchemeDocument,
  CloseIncentiveSchemeDocument,
  CreateIncentiveSchemeDocument,
  DiscardIncentiveRunDocument,
  IncentiveRunDetailDocument,
  IncentiveRunsDocument,
  IncentiveSchemeDocument,
  NewIncentiveSchemeVersionDocument,
  PaySchemeOptionsDocument,
  SendBackIncentiveSchemeDocument,
  SimulateIncentiveSchemeDocument,
  StartIncentiveRunDocument,
  SubmitIncentiveSchemeDocument,
  UpdateIncentiveSchemeDocument,
  type IncentiveSchemeInput,
  type PaySchemeFragment,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { localized } from '../../surveys/utils/localized';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { blankScheme, formatMoney, schemeToInput } from '../utils/pay';
import { SchemeForm } from './SchemeForm';
import { SCHEME_STATUS_COLOR } from './SchemesPage';

/** Error text with the field the API named, when it named one. */
function errorText(error: unknown): string | null {
  if (!error) return null;
  const e = error as { message?: string; errors?: { message: string; extensions?: { field?: string } }[] };
  const first = e.errors?.[0];
  if (first) return first.extensions?.field ? `${first.extensions.field}: ${first.message}` : first.message;
  return e.message ?? String(error);
}

/** One scheme: the designer (drafts), the review actions, the simulator and the runs. */
export default function SchemePage() {
  const { t } = useTranslation();
  const { schemeId } = useParams();
  const isNew = schemeId === 'new';
  const navigate = useNavigate();
  const options = useQuery(PaySchemeOptionsDocument);
  const scheme = useQuery(IncentiveSchemeDocument, { variables: { id: schemeId ?? '' }, skip: isNew });
  const [draft, setDraft] = useState<IncentiveSchemeInput>(blankScheme());
  useEffect(() => {
    if (scheme.data) setDraft(schemeToInput(scheme.data.incentiveScheme));
  }, [scheme.data]);
  const [create, creating] = useMutation(CreateIncentiveSchemeDocument);
  const [update, updating] = useMutation(UpdateIncentiveSchemeDocument);
  const s = scheme.data?.incentiveScheme;
  const editable = isNew || s?.status === 'DRAFT';
  const saveError = errorText(creating.error ?? updating.error);
  if (options.error) return <QueryError error={options.error} onRetry={() => void options.refetch()} />;
  if (scheme.error) return <QueryError error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!options.data || (!isNew && !s)) return <PageLoader />;
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={isNew ? t('pay.design.newTitle') : `${s!.name} · v${s!.version}`}
        description={
          s ? (
            <Group gap="xs">
              <Badge color={SCHEME_STATUS_COLOR[s.status]} variant="light" data-testid="scheme-status">
                {t(`pay.schemeStatus.${s.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('pay.design.byline', { designer: s.designedByName, people: s.populationSize })}
                {s.approvedByName ? ` · ${t('pay.design.approvedBy', { name: s.approvedByName })}` : ''}
              </Text>
            </Group>
          ) : (
            t('pay.design.newDescription')
          )
        }
        aside={s && <SchemeActions scheme={s} onChanged={() => void scheme.refetch()} />}
      />
      {s?.reviewComment && s.status === 'DRAFT' && (
        <Alert color="orange" title={t('pay.design.sentBack')}>
          {s.reviewComment}
        </Alert>
      )}
      <SchemeForm value={draft} onChange={setDraft} options={options.data} readOnly={!editable} />
      {editable && (
        <Group justify="flex-end">
          {saveError && (
            <Alert color="red" data-testid="save-error" style={{ flex: 1 }}>
              {saveError}
            </Alert>
          )}
          <Button
            loading={creating.loading || updating.loading}
            data-testid="save-scheme"
            onClick={async () => {
              if (isNew) {
                const r = await create({ variables: { input: draft } }).catch(() => null);
                if (r?.data)
                  void navigate(`/pay/schemes/${r.data.createIncentiveScheme.id}`, { replace: true });
              } else {
                await update({ variables: { id: s!.id, rowVersion: s!.rowVersion, input: draft } }).catch(
                  () => null,
                );
              }
            }}
          >
            {t('pay.design.save')}
          </Button>
        </Group>
      )}
      {s && <SimulationPanel scheme={s} />}
      {s && (s.status === 'APPROVED' || s.status === 'CLOSED') && <RunsPanel scheme={s} />}
    </Stack>
  );
}

function SchemeActions({ scheme: s, onChanged }: { scheme: PaySchemeFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { person } = useSession();
  const navigate = useNavigate();
  const [comment, setComment] = useState('');
  const opts = { onCompleted: onChanged };
  const [submit, submitting] = useMutation(SubmitIncentiveSchemeDocument, opts);
  const [approve, approving] = useMutation(ApproveIncentiveSchemeDocument, opts);
  const [sendBack, sendingBack] = useMutation(SendBackIncentiveSchemeDocument, opts);
  const [close, closing] = useMutation(CloseIncentiveSchemeDocument, opts);
  const [version, versioning] = useMutation(NewIncentiveSchemeVersionDocument);
  const error = errorText(
    submitting.error ?? approving.error ?? sendingBack.error ?? closing.error ?? versioning.error,
  );
  const own = s.designedById === person?.id;
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {s.status === 'DRAFT' && (
          <Button
            onClick={() => void submit({ variables: { id: s.id } }).catch(() => null)}
            loading={submitting.loading}
            data-testid="submit-scheme"
          >
            {t('pay.actions.submit')}
          </Button>
        )}
        {s.status === 'UNDER_REVIEW' && (
          <>
            <TextInput
              placeholder={t('pay.actions.commentPlaceholder')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              aria-label={t('pay.actions.comment')}
            />
            <Button
              variant="default"
              disabled={!comment.trim()}
              loading={sendingBack.loading}
              onClick={() => void sendBack({ variables: { id: s.id, comment } }).catch(() => null)}
            >
              {t('pay.actions.sendBack')}
            </Button>
            <Button
              onClick={() => void approve({ variables: { id: s.id } }).catch(() => null)}
              loading={approving.loading}
              disabled={own}
              title={own ? t('pay.actions.makerChecker') : undefined}
              data-testid="approve-scheme"
            >
              {t('pay.actions.approve')}
            </Button>
          </>
        )}
        {s.status === 'APPROVED' && (
          <Button
            variant="default"
            loading={closing.loading}
            onClick={() => void close({ variables: { id: s.id } }).catch(() => null)}
          >
            {t('pay.actions.close')}
          </Button>
        )}
        {(s.status === 'APPROVED' || s.status === 'CLOSED') && (
          <Button
            variant="light"
            loading={versioning.loading}
            onClick={async () => {
              const r = await version({ variables: { id: s.id } }).catch(() => null);
              if (r?.data) void navigate(`/pay/schemes/${r.data.newIncentiveSchemeVersion.id}`);
            }}
          >
            {t('pay.actions.newVersion')}
          </Button>
        )}
      </Group>
      {own && s.status === 'UNDER_REVIEW' && (
        <Text size="xs" c="dimmed">
          {t('pay.actions.makerChecker')}
        </Text>
      )}
      {error && (
        <Alert color="red" data-testid="action-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

function SimulationPanel({ scheme: s }: { scheme: PaySchemeFragment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [dataPeriod, setDataPeriod] = useState('');
  const [simulate, { data, loading, error }] = useLazyQuery(SimulateIncentiveSchemeDocument, {
    fetchPolicy: 'network-only',
  });
  const sim = data?.simulateIncentiveScheme;
  const money = (v: string | null | undefined) => formatMoney(v, s.currency, lang);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-end" mb="md">
        <div>
          <Title order={3}>{t('pay.sim.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('pay.sim.description')}
          </Text>
        </div>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('pay.sim.dataPeriod')}
            value={dataPeriod}
            onChange={(e) => setDataPeriod(e.currentTarget.value)}
          />
          <Button
            loading={loading}
            data-testid="simulate"
            onClick={() =>
              void simulate({
                variables: { schemeId: s.id, dataPeriodStart: dataPeriod || null, whatIf: [] },
              })
            }
          >
            {t('pay.sim.run')}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{errorText(error)}</Alert>}
      {sim && (
        <Stack data-testid="simulation">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('pay.sim.total')} value={money(sim.total)} testId="sim-total" />
            <Figure label={t('pay.sim.atTarget')} value={money(sim.targetTotal)} />
            <Figure
              label={t('pay.sim.budget')}
              value={sim.budget ? money(sim.budget) : t('pay.sim.noBudget')}
            />
            <Figure label={t('pay.sim.people')} value={String(sim.participants)} />
          </SimpleGrid>
          {sim.budgetApplied && (
            <Alert color="orange">{t('pay.sim.capped', { before: money(sim.totalBeforeCap) })}</Alert>
          )}
          {sim.missingCount > 0 && (
            <Alert color="yellow" title={t('pay.sim.missing', { count: sim.missingCount })}>
              {sim.missing
                .slice(0, 10)
                .map((m) => `${m.personName} (${m.componentId})`)
                .join(', ')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <div>
              <Text fw={600} size="sm" mb={4}>
                {t('pay.sim.histogram')}
              </Text>
              <BarChart
                h={220}
                data={sim.histogram.map((b) => ({
                  range: `${Math.round(Number(b.from))}–${Math.round(Number(b.to))}`,
                  people: b.count,
                }))}
                dataKey="range"
                series={[{ name: 'people', label: t('pay.sim.people'), color: 'indigo.6' }]}
              />
            </div>
            <div>
              <Text fw={600} size="sm" mb={4}>
                {t('pay.sim.byComponent')}
              </Text>
              <BarChart
                h={220}
                data={sim.byComponent.map((c) => ({
                  component: localized(c.label, lang),
                  paid: Number(c.total),
                  target: Number(c.target),
                }))}
                dataKey="component"
                series={[
                  { name: 'target', label: t('pay.sim.atTarget'), color: 'gray.4' },
                  { name: 'paid', label: t('pay.sim.total'), color: 'teal.6' },
                ]}
              />
            </div>
          </SimpleGrid>
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('pay.sim.byTeam')}
            </Text>
            <BarChart
              h={Math.max(200, sim.byTeam.length * 28)}
              orientation="vertical"
              data={sim.byTeam.map((b) => ({
                team: b.teamName,
                paid: Number(b.total),
                target: Number(b.target),
              }))}
              dataKey="team"
              yAxisProps={{ width: 180 }}
              series={[
                { name: 'target', label: t('pay.sim.atTarget'), color: 'gray.4' },
                { name: 'paid', label: t('pay.sim.total'), color: 'indigo.6' },
              ]}
            />
          </div>
          {sim.comparison && (
            <Card withBorder data-testid="comparison">
              <Text fw={600}>
                {t('pay.sim.compare', {
                  name: sim.comparison.schemeName,
                  version: sim.comparison.schemeVersion,
                  total: money(sim.comparison.total),
                })}
              </Text>
              <Text size="sm">
                {t('pay.sim.winnersLosers', {
                  winners: sim.comparison.winners,
                  losers: sim.comparison.losers,
                  unchanged: sim.comparison.unchanged,
                })}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
                <DeltaTable
                  title={t('pay.sim.biggestWins')}
                  rows={sim.comparison.biggestWins}
                  currency={s.currency}
                />
                <DeltaTable
                  title={t('pay.sim.biggestLosses')}
                  rows={sim.comparison.biggestLosses}
                  currency={s.currency}
                />
              </SimpleGrid>
            </Card>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function DeltaTable({
  title,
  rows,
  currency,
}: {
  title: string;
  rows: { personId: string; personName: string; before: string; after: string; delta: string }[];
  currency: string;
}) {
  const { i18n } = useTranslation();
  const money = (v: string) => formatMoney(v, currency, i18n.language);
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Table>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.personId}>
              <Table.Td>{r.personName}</Table.Td>
              <Table.Td ta="right">
                {money(r.before)} → {money(r.after)}
              </Table.Td>
              <Table.Td ta="right">{money(r.delta)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function RunsPanel({ scheme: s }: { scheme: PaySchemeFragment }) {
  const { t, i18n } = useTranslation();
  const runs = useQuery(IncentiveRunsDocument, {
    variables: { schemeId: s.id },
    fetchPolicy: 'cache-and-network',
  });
  const refetch = () => void runs.refetch();
  const [start, starting] = useMutation(StartIncentiveRunDocument, { onCompleted: refetch });
  const [approve, approving] = useMutation(ApproveIncentiveRunDocument, { onCompleted: refetch });
  const [discard, discarding] = useMutation(DiscardIncentiveRunDocument, { onCompleted: refetch });
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useQuery(IncentiveRunDetailDocument, { variables: { id: selected ?? '' }, skip: !selected });
  const error = errorText(starting.error ?? approving.error ?? discarding.error);
  const money = (v: string | null | undefined) => formatMoney(v, s.currency, i18n.language);
  const pending = runs.data?.incentiveRuns.find((r) => r.status === 'COMPUTED');
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('pay.runs.title')}</Title>
        <Button
          onClick={() => void start({ variables: { schemeId: s.id } }).catch(() => null)}
          loading={starting.loading}
          disabled={!!pending}
          data-testid="start-run"
        >
          {runs.data?.incentiveRuns.some((r) => r.status === 'APPROVED')
            ? t('pay.runs.correction')
            : t('pay.runs.start')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mb="sm">
          {error}
        </Alert>
      )}
      <Table data-testid="runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('pay.runs.status')}</Table.Th>
            <Table.Th ta="right">{t('pay.runs.people')}</Table.Th>
            <Table.Th ta="right">{t('pay.runs.total')}</Table.Th>
            <Table.Th>{t('pay.runs.by')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.data?.incentiveRuns.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setSelected(r.id)}>
                  {r.number}
                  {r.correctsRunId ? ` (${t('pay.runs.isCorrection')})` : ''}
                </Button>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`pay.runStatus.${r.status}`)}</Badge>
                {r.missingCount > 0 && (
                  <Badge variant="light" color="yellow" ml={4}>
                    {t('pay.runs.missing', { count: r.missingCount })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{r.participants}</Table.Td>
              <Table.Td ta="right">{money(r.total)}</Table.Td>
              <Table.Td>
                {r.createdByName}
                {r.approvedByName ? ` · ${t('pay.design.approvedBy', { name: r.approvedByName })}` : ''}
              </Table.Td>
              <Table.Td>
                {r.status === 'COMPUTED' && (
                  <Group gap={4} justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={discarding.loading}
                      onClick={() => void discard({ variables: { id: r.id } }).catch(() => null)}
                    >
                      {t('pay.runs.discard')}
                    </Button>
                    <Button
                      size="compact-sm"
                      loading={approving.loading}
                      onClick={() => void approve({ variables: { id: r.id } }).catch(() => null)}
                      data-testid="approve-run"
                    >
                      {t('pay.runs.approve')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {detail.data && (
        <Stack mt="md" data-testid="run-detail">
          <Text size="sm">
            {t('pay.runs.hash')} <Code>{detail.data.incentiveRun.run.hash.slice(0, 16)}…</Code>
          </Text>
          {detail.data.incentiveRun.differenceCount > 0 && (
            <DeltaTable
              title={t('pay.runs.differences', { count: detail.data.incentiveRun.differenceCount })}
              rows={detail.data.incentiveRun.differences}
              currency={s.currency}
            />
          )}
          <BarChart
            h={220}
            data={detail.data.incentiveRun.histogram.map((b) => ({
              range: `${Math.round(Number(b.from))}–${Math.round(Number(b.to))}`,
              people: b.count,
            }))}
            dataKey="range"
            series={[{ name: 'people', label: t('pay.sim.people'), color: 'indigo.6' }]}
          />
        </Stack>
      )}
    </Card>
  );
}
