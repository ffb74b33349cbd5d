import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCalendarEvent,
  IconLink,
  IconLock,
  IconMessage,
  IconPlus,
  IconStar,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { usePersonName } from '../hooks/useFilledRequest';
import type { RequestDetail } from '../hooks/useRequests';
import { useRequestText, type Audience } from '../hooks/useRequestText';

type TimelineEvent = RequestDetail['timeline'][number];

const ICONS: Record<string, Icon> = {
  CREATED: IconPlus,
  STATE: IconArrowRight,
  REPLY: IconMessage,
  NOTE: IconLock,
  ASSIGNED: IconUserCheck,
  DUE_CHANGED: IconCalendarEvent,
  LINKED: IconLink,
  RATED: IconStar,
  AT_RISK: IconAlertTriangle,
};

function dataString(data: unknown, key: string): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** Everything that happened to the request, oldest first; internal notes are marked as such. */
export function RequestTimeline({
  events,
  audience,
}: {
  events: readonly TimelineEvent[];
  audience: Audience;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {t('desk.timeline.title')}
      </Title>
      <Stack
        gap="sm"
        component="ol"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="request-timeline"
      >
        {events.map((event) => (
          <li key={event.id}>
            <TimelineItem event={event} audience={audience} />
          </li>
        ))}
      </Stack>
    </section>
  );
}

function TimelineItem({ event, audience }: { event: TimelineEvent; audience: Audience }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useRequestText();
  const EventIcon = ICONS[event.kind] ?? IconArrowRight;
  const actor = usePersonName(event.actor?.displayName, event.actorId) ?? t('desk.timeline.system');
  let summary: string;
  switch (event.kind) {
    case 'CREATED':
      summary = t('desk.timeline.created', { actor });
      break;
    case 'STATE':
      summary = t('desk.timeline.state', {
        actor,
        state: event.toState ? text.state(event.toState, audience) : '',
      });
      break;
    case 'REPLY':
      summary = t('desk.timeline.reply', { actor });
      break;
    case 'NOTE':
      summary = t('desk.timeline.note', { actor });
      break;
    case 'ASSIGNED':
      summary = dataString(event.data, 'to')
        ? t('desk.timeline.assigned', { actor })
        : t('desk.timeline.unassigned', { actor });
      break;
    case 'DUE_CHANGED': {
      const newDueAt = dataString(event.data, 'newDueAt');
      summary = t('desk.timeline.dueChanged', {
        actor,
        date: newDueAt ? format.dateTime(newDueAt) : '',
      });
      break;
    }
    case 'LINKED':
      summary = t('desk.timeline.linked', {
        actor,
        reference: dataString(event.data, 'childReference') ?? '',
      });
      break;
    case 'RATED':
      summary = t('desk.timeline.rated', { actor });
      break;
    case 'AT_RISK':
      summary = t('desk.timeline.atRisk');
      break;
    default:
      summary = event.kind;
  }
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="timeline-event"
      data-kind={event.kind}
      bg={event.internal ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" color={event.internal ? 'yellow' : 'blue'} radius="xl" aria-hidden>
          <EventIcon size={16} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {summary}
            </Text>
            {event.internal && (
              <Badge size="sm" color="yellow" variant="light" tt="none">
                {t('desk.timeline.internal')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <time dateTime={event.at}>{format.dateTime(event.at)}</time>
          </Text>
          {event.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {event.kind === 'DUE_CHANGED' ? t('desk.timeline.reason', { reason: event.body }) : event.body}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
