import { Button, Card, Group, Text } from '@mantine/core';
import { IconCheck, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../hooks/useRequests';
import { availableMoves } from '../utils/request-status';
import { TransitionModal } from './TransitionModal';

interface RequesterActionsProps {
  request: RequestDetail;
  busy: boolean;
  onMove(to: 'CLOSED' | 'IN_PROGRESS', comment: string | null): Promise<boolean>;
}

/** Once resolved: close it ("it's sorted"), or reopen it within the service's window. */
export function RequesterActions({ request, busy, onMove }: RequesterActionsProps) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  const moves = availableMoves({
    state: request.state,
    viewerRole: request.viewerRole,
    resolvedAt: request.resolvedAt,
    reopenWindowDays: request.supportService?.reopenWindowDays ?? 0,
  });
  if (moves.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {request.state === 'RESOLVED'
            ? t('desk.requesterActions.resolved')
            : t('desk.requesterActions.closed')}
        </Text>
        <Group gap="xs">
          {moves.includes('CLOSED') && (
            <Button
              leftSection={<IconCheck size={16} aria-hidden />}
              loading={busy}
              onClick={() => void onMove('CLOSED', null)}
              data-testid="request-close"
            >
              {t('desk.requesterActions.close')}
            </Button>
          )}
          {moves.includes('IN_PROGRESS') && (
            <Button
              variant="default"
              leftSection={<IconRotate size={16} aria-hidden />}
              onClick={() => setReopening(true)}
              data-testid="request-reopen"
            >
              {t('desk.requesterActions.reopen', { days: request.supportService?.reopenWindowDays ?? 0 })}
            </Button>
          )}
        </Group>
      </Group>
      <TransitionModal
        kind={reopening ? 'reopen' : null}
        busy={busy}
        onClose={() => setReopening(false)}
        onConfirm={async (comment) => {
          if (await onMove('IN_PROGRESS', comment || null)) setReopening(false);
        }}
      />
    </Card>
  );
}
