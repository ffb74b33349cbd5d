import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequestState } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useActionRunner } from '../hooks/useActionRunner';
import { useFilledRequest } from '../hooks/useFilledRequest';
import { useRequest, useRequestActions, type RequestDetail } from '../hooks/useRequests';
import { useRequestText, type Audience } from '../hooks/useRequestText';
import { ActionError } from './ActionError';
import { DeskActions } from './DeskActions';
import { LinkedTasks } from './LinkedTasks';
import { RatingForm, RatingGiven } from './RatingForm';
import { ReplyBox } from './ReplyBox';
import { RequestBadges } from './RequestBadges';
import { RequestFacts } from './RequestFacts';
import { RequesterActions } from './RequesterActions';
import { RequesterContextPanel } from './RequesterContextPanel';
import { RequestTimeline } from './RequestTimeline';

/**
 * One request. `/requests/:id` is the requester's page (timeline, reply, close/reopen, rating);
 * `/desk/requests/:id` the service's (actions per state, assignment, notes, new date, linked tasks,
 * and the requester's context beside it). The API says which the viewer is (`viewerRole`).
 */
export default function RequestPage({ desk = false }: { desk?: boolean }) {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const { request: loaded, loading, error, refetch } = useRequest(requestId);
  const request = useFilledRequest(loaded);
  if (loading && !request) return <PageLoader />;
  if (error && !request) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!request) return null;
  const service = desk && request.viewerRole !== 'REQUESTER';
  return (
    <RequestView
      request={request}
      service={service}
      onReload={() => void refetch()}
      back={desk ? '/desk' : '/requests'}
    >
      {desk && !service && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          <Group gap="xs">
            <Text size="sm">{t('desk.request.yours')}</Text>
            <Anchor component={Link} to={`/requests/${request.id}`} size="sm">
              {t('desk.request.openAsRequester')}
            </Anchor>
          </Group>
        </Alert>
      )}
    </RequestView>
  );
}

interface RequestViewProps {
  request: RequestDetail;
  service: boolean;
  back: string;
  onReload(): void;
  children?: React.ReactNode;
}

function RequestView({ request, service, back, onReload, children }: RequestViewProps) {
  const { t } = useTranslation();
  const text = useRequestText();
  const actions = useRequestActions();
  const runner = useActionRunner();
  const audience: Audience = service ? 'service' : 'requester';
  const move = (to: RequestState, comment: string | null) =>
    runner.run(() =>
      actions.transition({
        requestId: request.id,
        version: request.version,
        to,
        comment: comment ?? undefined,
      }),
    );
  const reload = () => {
    runner.clear();
    onReload();
  };
  const isRequester = request.viewerRole === 'REQUESTER';

  const main = (
    <Stack gap="lg">
      {children}
      <ActionError error={runner.error} onReload={reload} />
      {isRequester && request.rating?.status === 'PENDING' && (
        <RatingForm
          requestId={request.id}
          busy={actions.busy}
          onRate={(input) => runner.run(() => actions.rate(input))}
        />
      )}
      {isRequester && request.rating && <RatingGiven rating={request.rating} />}
      {isRequester && <RequesterActions request={request} busy={actions.busy} onMove={move} />}
      {service && (
        <DeskActions
          request={request}
          busy={actions.busy}
          onMove={move}
          onAssign={(assigneeId) => runner.run(() => actions.assign(request.id, request.version, assigneeId))}
          onRenegotiate={(newDueAt, reason) =>
            runner.run(() =>
              actions.renegotiate({ requestId: request.id, version: request.version, newDueAt, reason }),
            )
          }
          onSpawn={(input) => runner.run(() => actions.spawn({ ...input, parentRequestId: request.id }))}
        />
      )}
      <RequestFacts request={request} audience={audience} />
      <LinkedTasks tasks={request.children} audience={audience} />
      <RequestTimeline events={request.timeline} audience={audience} />
      {request.state !== 'CLOSED' && (isRequester || service) && (
        <ReplyBox
          allowInternal={service}
          waitingOnRequester={request.state === 'WAITING_ON_REQUESTER'}
          busy={actions.busy}
          onSend={(body, internal) =>
            runner.run(() => actions.reply({ requestId: request.id, body, internal }))
          }
        />
      )}
    </Stack>
  );

  return (
    <Stack gap="md" maw={service ? 1280 : 900} data-testid="request-page" data-state={request.state}>
      <Button
        component={Link}
        to={back}
        variant="subtle"
        size="compact-sm"
        leftSection={<IconArrowLeft size={14} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {service ? t('desk.request.backToQueue') : t('desk.request.backToList')}
      </Button>
      <PageHeader
        title={`${request.reference} · ${request.subject}`}
        titleTestId="request-title"
        aside={<RequestBadges state={request.state} status={request.status} audience={audience} />}
        description={<span data-testid="request-situation">{text.situation(request, audience)}</span>}
      />
      {service ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>{main}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <RequesterContextPanel requestId={request.id} />
          </Grid.Col>
        </Grid>
      ) : (
        main
      )}
    </Stack>
  );
}
