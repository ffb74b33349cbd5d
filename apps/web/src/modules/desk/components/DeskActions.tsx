import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowRight,
  IconCalendarEvent,
  IconCheck,
  IconHandStop,
  IconLink,
  IconMessageQuestion,
  IconPlayerPlay,
  IconRotate,
  type Icon,
} from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { useServiceAgents, type RequestDetail } from '../hooks/useRequests';
import { availableMoves } from '../utils/request-status';
import { RenegotiateModal } from './RenegotiateModal';
import { SpawnTaskModal } from './SpawnTaskModal';
import { TransitionModal, type CommentKind } from './TransitionModal';

interface DeskActionsProps {
  request: RequestDetail;
  busy: boolean;
  onMove(to: RequestState, comment: string | null): Promise<boolean>;
  onAssign(assigneeId: string | null): Promise<boolean>;
  onRenegotiate(newDueAt: string, reason: string): Promise<boolean>;
  onSpawn(input: {
    supportServiceId: string;
    categoryId: string;
    subject: string;
    description: string;
  }): Promise<boolean>;
}

function moveLabel(from: RequestState, to: RequestState) {
  switch (to) {
    case 'IN_PROGRESS':
      if (from === 'ACKNOWLEDGED') return 'desk.actions.start' as const;
      if (from === 'WAITING_ON_REQUESTER') return 'desk.actions.resume' as const;
      return 'desk.actions.reopen' as const;
    case 'NEW':
      return 'desk.actions.reopen' as const;
    default:
      return `desk.actions.${to}` as const;
  }
}

const MOVE_ICONS: Partial<Record<RequestState, Icon>> = {
  ACKNOWLEDGED: IconHandStop,
  IN_PROGRESS: IconPlayerPlay,
  WAITING_ON_REQUESTER: IconMessageQuestion,
  RESOLVED: IconCheck,
  CLOSED: IconArrowRight,
};

function commentKind(from: RequestState, to: RequestState): CommentKind | null {
  if (to === 'RESOLVED') return 'resolve';
  if (to === 'WAITING_ON_REQUESTER') return 'question';
  if (to === 'IN_PROGRESS' && (from === 'RESOLVED' || from === 'CLOSED')) return 'reopen';
  return null;
}

/** What the service can do with the request now: move it on, assign it, agree a new date, open a linked task. */
export function DeskActions({ request, busy, onMove, onAssign, onRenegotiate, onSpawn }: DeskActionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { person } = useSession();
  const agents = useServiceAgents(request.supportService?.ownerTeamId ?? null);
  const [pending, setPending] = useState<{ to: RequestState; kind: CommentKind } | null>(null);
  const [renegotiating, setRenegotiating] = useState(false);
  const [spawning, setSpawning] = useState(false);
  const moves = availableMoves({
    state: request.state,
    viewerRole: request.viewerRole,
    resolvedAt: request.resolvedAt,
    reopenWindowDays: request.supportService?.reopenWindowDays ?? 0,
  });
  const open = request.state !== 'RESOLVED' && request.state !== 'CLOSED';
  const isAgent = agents.some((agent) => agent.id === person?.id);

  const move = (to: RequestState) => {
    const kind = commentKind(request.state, to);
    if (kind) setPending({ to, kind });
    else void onMove(to, null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="desk-actions">
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('desk.actions.title')}
        </Title>
        {moves.length > 0 ? (
          <Group gap="xs">
            {moves.map((to) => {
              const MoveIcon =
                to === 'IN_PROGRESS' && (request.state === 'RESOLVED' || request.state === 'CLOSED')
                  ? IconRotate
                  : (MOVE_ICONS[to] ?? IconArrowRight);
              return (
                <Button
                  key={to}
                  variant={to === 'RESOLVED' || moves.length === 1 ? 'filled' : 'light'}
                  leftSection={<MoveIcon size={16} aria-hidden />}
                  loading={busy && pending === null}
                  onClick={() => move(to)}
                  data-testid={`desk-action-${to}`}
                >
                  {t(moveLabel(request.state, to))}
                </Button>
              );
            })}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('desk.actions.none')}
          </Text>
        )}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('desk.actions.assignee')}
            placeholder={t('desk.facts.unassigned')}
            data={agents.map((agent) => ({ value: agent.id, label: agent.displayName }))}
            value={request.assigneeId ?? null}
            onChange={(value) => void onAssign(value)}
            clearable
            searchable
            nothingFoundMessage={t('common.noMatch')}
            style={{ flex: '1 1 220px' }}
            data-testid="desk-assignee"
          />
          {isAgent && request.assigneeId !== person?.id && (
            <Button
              variant="default"
              onClick={() => void onAssign(person?.id ?? null)}
              data-testid="desk-assign-me"
            >
              {t('desk.actions.assignMe')}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          {open && (
            <Button
              variant="default"
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              onClick={() => setRenegotiating(true)}
              data-testid="desk-renegotiate"
            >
              {t('desk.actions.renegotiate')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            onClick={() => setSpawning(true)}
            data-testid="desk-spawn"
          >
            {t('desk.actions.spawn')}
          </Button>
        </Group>
      </Stack>
      <TransitionModal
        kind={pending?.kind ?? null}
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={async (comment) => {
          if (!pending) return;
          if (await onMove(pending.to, comment || null)) setPending(null);
        }}
      />
      <RenegotiateModal
        opened={renegotiating}
        busy={busy}
        originalDueAt={request.resolutionDueAt}
        onClose={() => setRenegotiating(false)}
        onConfirm={async (newDueAt, reason) => {
          if (await onRenegotiate(newDueAt, reason)) setRenegotiating(false);
        }}
      />
      <SpawnTaskModal
        opened={spawning}
        busy={busy}
        onClose={() => setSpawning(false)}
        onConfirm={async (input) => {
          if (await onSpawn(input)) setSpawning(false);
        }}
      />
    </Card>
  );
}
