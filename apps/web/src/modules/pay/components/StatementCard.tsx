import { LineChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisputeIncentiveLineDocument, type IncentiveStatementsQuery } from '../../../gql/graphql';
import { localized } from '../../surveys/utils/localized';
import { curvePoints, formatDecimal, formatMoney } from '../utils/pay';

type Statement = IncentiveStatementsQuery['incentiveStatements'][number];
type Line = Statement['lines'][number];

type LineStatusKey =
  'PAID' | 'BELOW_THRESHOLD' | 'GATED' | 'NOT_ELIGIBLE' | 'NO_DATA' | 'FALLBACK_TARGET' | 'FALLBACK_ZERO';

const STATUS_COLOR: Record<string, string> = {
  PAID: 'teal',
  BELOW_THRESHOLD: 'orange',
  GATED: 'red',
  NOT_ELIGIBLE: 'gray',
  NO_DATA: 'gray',
  FALLBACK_TARGET: 'blue',
  FALLBACK_ZERO: 'gray',
};

/** One statement: what each component measured, how it became money, what would have moved it. */
export function StatementCard({
  statement,
  canDispute,
  onDisputed,
}: {
  statement: Statement;
  canDispute: boolean;
  onDisputed?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (v: string | null) => formatMoney(v, statement.currency, lang);
  const share =
    statement.targetPay && Number(statement.targetPay) > 0
      ? Math.round((Number(statement.total) / Number(statement.targetPay)) * 100)
      : null;
  return (
    <Card withBorder padding="lg" data-testid="statement">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{statement.schemeName}</Title>
          <Text c="dimmed" size="sm">
            {t('pay.statement.period', { start: statement.periodStart, end: statement.periodEnd })}
            {statement.teamName ? ` · ${statement.teamName}` : ''}
          </Text>
        </div>
        <div style={{ textAlign: 'right' }}>
          <Text size="xs" c="dimmed">
            {t('pay.statement.total')}
          </Text>
          <Text fw={700} size="xl" data-testid="statement-total">
            {money(statement.total)}
          </Text>
          {statement.targetPay && (
            <Text size="xs" c="dimmed">
              {t('pay.statement.ofTarget', { target: money(statement.targetPay), share: share ?? '—' })}
            </Text>
          )}
        </div>
      </Group>
      {share !== null && <Progress value={Math.min(100, (share / 150) * 100)} mt="sm" aria-hidden />}
      <Stack gap="md" mt="md">
        {statement.lines.map((line) => (
          <LineBlock
            key={line.componentId}
            line={line}
            statement={statement}
            canDispute={canDispute}
            onDisputed={onDisputed}
          />
        ))}
      </Stack>
      {statement.fallbackNote && (
        <Text size="xs" c="dimmed" mt="md">
          {t('pay.statement.fallback')} {statement.fallbackNote}
        </Text>
      )}
    </Card>
  );
}

function LineBlock({
  line,
  statement,
  canDispute,
  onDisputed,
}: {
  line: Line;
  statement: Statement;
  canDispute: boolean;
  onDisputed?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [dispute, { loading, error }] = useMutation(DisputeIncentiveLineDocument);
  const points = curvePoints(line.curve);
  const value = line.measureValue === null ? null : Number(line.measureValue);
  const open_ = line.dispute?.status === 'OPEN';
  return (
    <Card withBorder radius="md" padding="md" data-testid={`line-${line.componentId}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{localized(line.label, lang)}</Text>
            <Badge variant="light" color={line.kind === 'COLLECTIVE' ? 'violet' : 'indigo'}>
              {t(`pay.kind.${line.kind}`)}
            </Badge>
            <Badge variant="light" color={STATUS_COLOR[line.status] ?? 'gray'}>
              {t(`pay.status.${line.status as LineStatusKey}`)}
            </Badge>
          </Group>
          <Text size="sm">{localized(line.explanation, lang)}</Text>
          <Text size="sm" c="dimmed">
            {localized(line.whatWouldMoveIt, lang)}
          </Text>
          {line.dispute && (
            <Alert
              color={
                line.dispute.status === 'ACCEPTED'
                  ? 'teal'
                  : line.dispute.status === 'REJECTED'
                    ? 'red'
                    : 'blue'
              }
              title={t(`pay.dispute.status.${line.dispute.status}`)}
              data-testid="dispute-status"
            >
              <Text size="sm">{line.dispute.reason}</Text>
              {line.dispute.answer && (
                <Text size="sm" mt={4}>
                  {t('pay.dispute.answer')}: {line.dispute.answer}
                </Text>
              )}
            </Alert>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700}>{formatMoney(line.amount, statement.currency, lang)}</Text>
          <Text size="xs" c="dimmed">
            {t('pay.statement.weight', { weight: formatDecimal(line.weightPercent, lang) })}
          </Text>
          {canDispute && !open_ && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconMessageReport size={14} aria-hidden />}
              onClick={() => setOpen(true)}
              data-testid={`dispute-${line.componentId}`}
            >
              {t('pay.dispute.open')}
            </Button>
          )}
        </Stack>
      </Group>
      {points.length > 0 && (
        <LineChart
          h={120}
          mt="sm"
          data={points}
          dataKey="x"
          series={[{ name: 'payout', label: t('pay.curve.payout'), color: 'indigo.6' }]}
          unit=" %"
          curveType="linear"
          withDots={false}
          referenceLines={
            value === null
              ? []
              : [
                  {
                    x: value,
                    color: 'teal.6',
                    label: t('pay.curve.you', { value: formatDecimal(line.measureValue, lang) }),
                  },
                ]
          }
          aria-label={t('pay.curve.title')}
        />
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('pay.dispute.title')}>
        <Stack>
          <Text size="sm">{localized(line.label, lang)}</Text>
          <Textarea
            label={t('pay.dispute.reason')}
            description={t('pay.dispute.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={3}
            autosize
            data-testid="dispute-reason"
          />
          {error && <Alert color="red">{error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={loading}
              disabled={reason.trim().length < 5}
              data-testid="dispute-submit"
              onClick={async () => {
                const r = await dispute({
                  variables: { runId: statement.runId, componentId: line.componentId, reason },
                }).catch(() => null);
                if (r?.data) {
                  setOpen(false);
                  setReason('');
                  onDisputed?.();
                }
              }}
            >
              {t('pay.dispute.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
