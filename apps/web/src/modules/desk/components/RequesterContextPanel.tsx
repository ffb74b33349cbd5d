import { Anchor, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { QueryError } from '../../shell/components/QueryError';
import { useRequesterContext, type RequestSummary } from '../hooks/useRequests';
import { useRequestText } from '../hooks/useRequestText';
import { RequestBadges } from './RequestBadges';

/** "Never repeat yourself": who is asking, what else they asked, how they rated the service, look-alikes. */
export function RequesterContextPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const { context, loading, error, refetch } = useRequesterContext(requestId, false);
  return (
    <Card
      withBorder
      padding="lg"
      component="aside"
      aria-labelledby={headingId}
      data-testid="requester-context"
    >
      <Title order={2} size="h4" mb="sm" id={headingId}>
        {t('desk.context.title')}
      </Title>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !context && <Skeleton height={160} />}
      {context && (
        <Stack gap="sm">
          <div>
            <Text fw={600} data-testid="requester-name">
              {context.person.displayName}
            </Text>
            <Text size="sm" c="dimmed">
              {[context.person.position?.title ?? context.person.jobTitle, context.person.team?.name]
                .filter(Boolean)
                .join(' · ') || t('common.none')}
            </Text>
          </div>
          <Divider />
          <ContextList
            title={t('desk.context.open')}
            requests={context.openRequests}
            empty={t('desk.context.noOpen')}
          />
          <ContextList
            title={t('desk.context.recent')}
            requests={context.recentRequests}
            empty={t('desk.context.noRecent')}
          />
          <Divider />
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('desk.context.ratings')}
            </Text>
            {context.recentRatings.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('desk.context.noRatings')}
              </Text>
            ) : (
              <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {context.recentRatings.map((rating) => (
                  <Text component="li" size="sm" key={rating.requestId}>
                    {t('desk.context.rating', {
                      reference: rating.reference,
                      csat: rating.csat,
                      effort: rating.effort,
                      date: format.dateTime(rating.ratedAt),
                    })}
                  </Text>
                ))}
              </Stack>
            )}
          </div>
          <Divider />
          <ContextList
            title={t('desk.context.similar')}
            requests={context.similarOpen}
            empty={t('desk.context.noSimilar')}
          />
        </Stack>
      )}
    </Card>
  );
}

function ContextList({
  title,
  requests,
  empty,
}: {
  title: string;
  requests: readonly RequestSummary[];
  empty: string;
}) {
  const text = useRequestText();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {requests.slice(0, 5).map((request) => (
            <li key={request.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/desk/requests/${request.id}`} size="sm">
                  {request.reference} · {request.subject}
                </Anchor>
              </Group>
              <Group gap={6} wrap="wrap">
                <RequestBadges state={request.state} status={request.status} audience="service" />
                <Text size="xs" c="dimmed">
                  {request.supportService?.name} · {text.situation(request, 'service')}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </div>
  );
}
