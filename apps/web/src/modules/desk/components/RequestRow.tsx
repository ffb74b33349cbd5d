import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RequestSummary } from '../hooks/useRequests';
import { useRequestText, type Audience } from '../hooks/useRequestText';
import { RequestBadges } from './RequestBadges';

/** One request in a list: reference and subject (a link), badges, and the line saying where it stands. */
export function RequestRow({ request, audience }: { request: RequestSummary; audience: Audience }) {
  const text = useRequestText();
  const base = audience === 'requester' ? '/requests' : '/desk/requests';
  return (
    <Card
      withBorder
      padding="md"
      data-testid="my-request-row"
      data-state={request.state}
      data-reference={request.reference}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`${base}/${request.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {request.reference} · {request.subject}
          </Anchor>
          <RequestBadges state={request.state} status={request.status} audience={audience} />
        </Group>
        <Text size="sm" data-testid="request-situation">
          {text.situation(request, audience)}
        </Text>
        <Text size="sm" c="dimmed">
          {[request.supportService?.name, request.category?.name].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Card>
  );
}
