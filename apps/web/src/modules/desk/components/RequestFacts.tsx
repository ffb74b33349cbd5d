import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconInfoCircle } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { usePersonName } from '../hooks/useFilledRequest';
import type { RequestDetail } from '../hooks/useRequests';
import { useRequestText, type Audience } from '../hooks/useRequestText';

/** The latest agreed new date's reason, from the timeline. */
export function renegotiationReason(request: RequestDetail): string | null {
  const changes = request.timeline.filter((event) => event.kind === 'DUE_CHANGED');
  return changes[changes.length - 1]?.body ?? null;
}

/** What was asked, of whom, and the dates promised: the commitment, and any new date agreed. */
export function RequestFacts({ request, audience }: { request: RequestDetail; audience: Audience }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useRequestText();
  const headingId = useId();
  const reason = renegotiationReason(request);
  const requester = usePersonName(request.requester?.displayName, request.requesterId);
  const assignee = usePersonName(request.assignee?.displayName, request.assigneeId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {t('desk.facts.title')}
      </Title>
      <Stack gap="md">
        {request.description && (
          <Text
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="request-description"
          >
            {request.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" style={{ margin: 0 }}>
          <Fact label={t('desk.facts.service')}>{request.supportService?.name ?? '—'}</Fact>
          <Fact label={t('desk.facts.category')}>{request.category?.name ?? '—'}</Fact>
          <Fact label={t('desk.facts.priority')}>{t(`desk.priority.${request.priority}`)}</Fact>
          <Fact label={t('desk.facts.opened')}>{format.dateTime(request.createdAt)}</Fact>
          {audience === 'service' && <Fact label={t('desk.facts.requester')}>{requester ?? '—'}</Fact>}
          <Fact label={t('desk.facts.assignee')}>
            {request.assigneeId ? (assignee ?? '…') : t('desk.facts.unassigned')}
          </Fact>
          <Fact label={t('desk.facts.firstResponse')}>
            {request.firstRespondedAt
              ? t('desk.facts.answeredAt', { date: format.dateTime(request.firstRespondedAt) })
              : t('desk.facts.dueAt', { date: text.when(request.firstResponseDueAt) })}
          </Fact>
          <Fact label={t('desk.facts.resolution')}>
            {request.resolvedAt
              ? t('desk.facts.resolvedAt', { date: format.dateTime(request.resolvedAt) })
              : t('desk.facts.dueAt', { date: text.when(request.resolutionDueAt) })}
          </Fact>
        </SimpleGrid>
        {request.renegotiatedDueAt && (
          <Alert
            variant="light"
            color="orange"
            icon={<IconCalendarEvent aria-hidden />}
            title={t('desk.facts.renegotiatedTitle', { date: format.dateTime(request.renegotiatedDueAt) })}
            data-testid="request-renegotiated"
          >
            <Stack gap={4}>
              {reason && <Text size="sm">{t('desk.facts.renegotiatedReason', { reason })}</Text>}
              <Text size="sm">
                {t('desk.facts.originalPromise', { date: format.dateTime(request.resolutionDueAt) })}
              </Text>
            </Stack>
          </Alert>
        )}
        <Alert
          variant="light"
          color="blue"
          icon={<IconInfoCircle aria-hidden />}
          title={t('desk.facts.commitment', { version: request.commitment.version })}
          data-testid="request-commitment"
        >
          {text.localized(request.commitment.wording)}
        </Alert>
      </Stack>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
