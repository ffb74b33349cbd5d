import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IncentiveDisputesDocument,
  ResolveIncentiveDisputeDocument,
  type DisputeStatus,
  type PayDisputeFragment,
} from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';

/** HR's inbox of disputed statement lines: accept (a correction run follows) or reject, with an answer. */
export default function DisputesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DisputeStatus | 'ALL'>('OPEN');
  const { data, loading, error, refetch } = useQuery(IncentiveDisputesDocument, {
    variables: { status: status === 'ALL' ? null : status },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('pay.disputes.title')} description={t('pay.disputes.description')} />
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as DisputeStatus | 'ALL')}
        data={(['OPEN', 'ACCEPTED', 'REJECTED', 'ALL'] as const).map((s) => ({
          value: s,
          label: s === 'ALL' ? t('pay.disputes.all') : t(`pay.dispute.status.${s}`),
        }))}
        aria-label={t('pay.disputes.filter')}
        style={{ alignSelf: 'flex-start' }}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !data && <PageLoader />}
      {data && data.incentiveDisputes.length === 0 && (
        <Card withBorder>
          <EmptyState py="xl" icon={<IconInbox aria-hidden />} title={t('pay.disputes.empty')} />
        </Card>
      )}
      {data?.incentiveDisputes.map((d) => (
        <DisputeCard key={d.id} dispute={d} onDone={() => void refetch()} />
      ))}
    </Stack>
  );
}

function DisputeCard({ dispute, onDone }: { dispute: PayDisputeFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [resolve, { loading, error }] = useMutation(ResolveIncentiveDisputeDocument);
  const act = async (accept: boolean) => {
    const r = await resolve({ variables: { id: dispute.id, accept, answer } }).catch(() => null);
    if (r?.data) onDone();
  };
  return (
    <Card withBorder padding="lg" data-testid="dispute">
      <Group justify="space-between">
        <div>
          <Text fw={600}>
            <Link to={`/pay/people/${dispute.personId}`}>{dispute.personName}</Link> · {dispute.schemeName}
          </Text>
          <Text size="sm" c="dimmed">
            {t('pay.disputes.line', { component: dispute.componentId })}
          </Text>
        </div>
        <Badge variant="light">{t(`pay.dispute.status.${dispute.status}`)}</Badge>
      </Group>
      <Text mt="sm">{dispute.reason}</Text>
      {dispute.answer && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('pay.dispute.answer')}: {dispute.answer}
        </Text>
      )}
      {dispute.correctionRunId && (
        <Text size="sm" mt="xs">
          {t('pay.disputes.correction')}
        </Text>
      )}
      {dispute.status === 'OPEN' && (
        <Stack mt="md" gap="xs">
          <Textarea
            label={t('pay.disputes.answer')}
            description={t('pay.disputes.answerHelp')}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {error && <Alert color="red">{error.message}</Alert>}
          <Group justify="flex-end">
            <Button
              variant="default"
              color="red"
              loading={loading}
              disabled={answer.trim().length < 2}
              onClick={() => void act(false)}
            >
              {t('pay.disputes.reject')}
            </Button>
            <Button loading={loading} disabled={answer.trim().length < 2} onClick={() => void act(true)}>
              {t('pay.disputes.accept')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
