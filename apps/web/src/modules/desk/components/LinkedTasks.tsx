import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../hooks/useRequests';
import { useRequestText, type Audience } from '../hooks/useRequestText';
import { RequestBadges } from './RequestBadges';

/** Tasks opened with other services on the request's behalf. */
export function LinkedTasks({ tasks, audience }: { tasks: readonly RequestSummary[]; audience: Audience }) {
  const { t } = useTranslation();
  const text = useRequestText();
  const headingId = useId();
  if (tasks.length === 0) return null;
  const base = audience === 'requester' ? '/requests' : '/desk/requests';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="linked-tasks">
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {t('desk.linked.title', { count: tasks.length })}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tasks.map((task) => (
          <li key={task.id}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`${base}/${task.id}`} fw={600}>
                  {task.reference} · {task.subject}
                </Anchor>
                <RequestBadges state={task.state} status={task.status} audience={audience} />
              </Group>
              <Text size="sm" c="dimmed">
                {task.supportService?.name} · {text.situation(task, audience)}
              </Text>
            </Stack>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
