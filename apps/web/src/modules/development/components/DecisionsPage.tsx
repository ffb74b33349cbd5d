import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AnswerEscalationDocument,
  DecisionSetupDocument,
  DecisionsDocument,
  EscalationsAwaitingMeDocument,
  LogDecisionDocument,
  ReviewDecisionDocument,
  type DecisionFieldsFragment,
  type DecisionKind,
} from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { amountValue, decisionFields, widestLimit } from '../utils/figures';
import { ApiErrorAlert, useDevFormat } from './DevUi';

const KINDS: DecisionKind[] = ['DECIDED_LOCALLY', 'ESCALATED', 'BEYOND_RIGHTS'];

/** Log a decision in a few seconds; review the line's decisions beyond rights; answer escalations. */
export default function DecisionsPage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const { person } = useSession();
  const isManager = person?.roles.some((r) => r === 'MANAGER' || r === 'HR' || r === 'ADMIN') ?? false;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('development.decisions.title')}
        description={t('development.decisions.description', { context: vocabulary.context })}
      />
      <LogDecisionForm />
      {isManager && <PendingReviews />}
      <AwaitingMe />
      <MyDecisions />
    </Stack>
  );
}

function LogDecisionForm() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const setup = useQuery(DecisionSetupDocument);
  const [kind, setKind] = useState<DecisionKind>('DECIDED_LOCALLY');
  const [typeId, setTypeId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [summary, setSummary] = useState('');
  const [escalatedTo, setEscalatedTo] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const [done, setDone] = useState(false);
  const [log, state] = useMutation(LogDecisionDocument, {
    refetchQueries: [DecisionsDocument],
  });
  const fields = decisionFields(kind);
  const type = setup.data?.decisionTypes.find((x) => x.id === typeId);
  const limit = widestLimit(
    (setup.data?.decisionRights ?? []).filter((r) => r.decisionTypeId === typeId).map((r) => r.limitAmount),
  );
  const submit = async () => {
    setDone(false);
    await log({
      variables: {
        input: {
          decisionTypeId: typeId ?? '',
          kind,
          summary,
          amount: amountValue(amount),
          escalatedToId: fields.escalation ? escalatedTo : null,
          justification: fields.justification ? justification : null,
        },
      },
    })
      .then(() => {
        setDone(true);
        setSummary('');
        setAmount('');
        setJustification('');
      })
      .catch(() => undefined);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="log-decision">
      <Title order={2} size="h4" id="log-decision" mb="sm">
        {t('development.decisions.log')}
      </Title>
      {setup.error && <QueryError error={setup.error} onRetry={() => void setup.refetch()} />}
      <Stack gap="sm">
        <SegmentedControl
          data-testid="decision-kind"
          value={kind}
          onChange={(v) => setKind(v as DecisionKind)}
          data={KINDS.map((k) => ({ value: k, label: t(`development.kind.${k}`) }))}
        />
        <Group grow align="flex-start">
          <Select
            label={t('development.decisions.type')}
            data-testid="decision-type"
            data={(setup.data?.decisionTypes ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={typeId}
            onChange={setTypeId}
          />
          {type && type.unit !== 'NONE' && (
            <TextInput
              label={t(`development.unit.${type.unit}`)}
              inputMode="decimal"
              description={
                limit === undefined
                  ? t('development.decisions.noRight')
                  : limit === null
                    ? t('development.decisions.noLimit')
                    : t('development.decisions.yourLimit', { limit: f.decimal(limit) })
              }
              data-testid="decision-amount"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
            />
          )}
        </Group>
        <TextInput
          label={t('development.decisions.summary')}
          data-testid="decision-summary"
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        {fields.escalation && (
          <Select
            label={t('development.decisions.escalatedTo')}
            data-testid="decision-escalated-to"
            data={(setup.data?.escalationTargets ?? []).map((x) => ({
              value: x.personId,
              label: t('development.decisions.target', { name: x.name, count: x.levels }),
            }))}
            value={escalatedTo}
            onChange={setEscalatedTo}
          />
        )}
        {fields.justification && (
          <Textarea
            label={t('development.decisions.justification')}
            data-testid="decision-justification"
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
          />
        )}
        <ApiErrorAlert error={state.error} />
        {done && (
          <Text c="teal" data-testid="decision-logged">
            {t('development.decisions.logged')}
          </Text>
        )}
        <Group>
          <Button onClick={() => void submit()} loading={state.loading} data-testid="decision-submit">
            {t('development.decisions.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DecisionTable({
  items,
  actions,
  testId,
}: {
  items: readonly DecisionFieldsFragment[];
  actions?: (d: DecisionFieldsFragment) => React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useDevFormat();
  if (!items.length) return <Text c="dimmed">{t('development.common.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('development.decisions.when')}</Table.Th>
            <Table.Th>{t('development.decisions.who')}</Table.Th>
            <Table.Th>{t('development.decisions.type')}</Table.Th>
            <Table.Th>{t('development.decisions.how')}</Table.Th>
            <Table.Th>{t('development.decisions.summary')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid={`decision-row-${d.id}`}>
              <Table.Td>{f.dateTime(d.decidedAt)}</Table.Td>
              <Table.Td>{d.personName}</Table.Td>
              <Table.Td>
                {d.decisionTypeName}
                {d.amount !== null && ` · ${f.decimal(d.amount)}`}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge variant="light">{t(`development.kind.${d.kind}`)}</Badge>
                  {d.kind === 'ESCALATED' && (
                    <Text size="xs" c="dimmed">
                      {t('development.decisions.escalation', {
                        name: d.escalatedToName ?? '',
                        count: d.levelsCrossed ?? 1,
                      })}
                      {d.delayHours !== null &&
                        ` · ${t('development.common.hours', { value: f.one(d.delayHours) })}`}
                    </Text>
                  )}
                  {d.review && (
                    <Badge
                      size="xs"
                      color={d.review === 'CONFIRMED' ? 'teal' : d.review === 'OVERTURNED' ? 'red' : 'yellow'}
                    >
                      {t(`development.review.${d.review}`)}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.summary}</Text>
                {d.justification && (
                  <Text size="xs" c="dimmed">
                    {d.justification}
                  </Text>
                )}
              </Table.Td>
              {actions && <Table.Td>{actions(d)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PendingReviews() {
  const { t } = useTranslation();
  const q = useQuery(DecisionsDocument, {
    variables: { pendingReview: true, limit: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [review, state] = useMutation(ReviewDecisionDocument, { refetchQueries: [DecisionsDocument] });
  const act = (id: string, confirmed: boolean) =>
    void review({ variables: { input: { decisionId: id, confirmed } } }).catch(() => undefined);
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.decisions.toReview')}
      </Title>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <ApiErrorAlert error={state.error} />
      <DecisionTable
        testId="pending-reviews"
        items={q.data?.decisions.items ?? []}
        actions={(d) => (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" color="teal" onClick={() => act(d.id, true)} data-testid={`confirm-${d.id}`}>
              {t('development.decisions.confirm')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => act(d.id, false)}
              data-testid={`overturn-${d.id}`}
            >
              {t('development.decisions.overturn')}
            </Button>
          </Group>
        )}
      />
    </Card>
  );
}

function AwaitingMe() {
  const { t } = useTranslation();
  const q = useQuery(EscalationsAwaitingMeDocument, { fetchPolicy: 'cache-and-network' });
  const [answer] = useMutation(AnswerEscalationDocument, { refetchQueries: [EscalationsAwaitingMeDocument] });
  const items = q.data?.escalationsAwaitingMe ?? [];
  if (!items.length) return null;
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.decisions.awaiting')}
      </Title>
      <DecisionTable
        testId="awaiting-me"
        items={items}
        actions={(d) => (
          <Button
            size="xs"
            onClick={() => void answer({ variables: { decisionId: d.id } }).catch(() => undefined)}
          >
            {t('development.decisions.answered')}
          </Button>
        )}
      />
    </Card>
  );
}

function MyDecisions() {
  const { t } = useTranslation();
  const q = useQuery(DecisionsDocument, { variables: { limit: 20 }, fetchPolicy: 'cache-and-network' });
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h4" mb="sm">
        {t('development.decisions.mine', { count: q.data?.decisions.totalCount ?? 0 })}
      </Title>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      <DecisionTable testId="my-decisions" items={q.data?.decisions.items ?? []} />
    </Card>
  );
}
