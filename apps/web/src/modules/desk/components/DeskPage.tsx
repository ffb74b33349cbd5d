import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconChartLine, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RequestState } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';
import { useDeskAccess } from '../hooks/useDeskAccess';
import { useCatalogue, useDeskQueue, useServiceAgents } from '../hooks/useRequests';
import { useRequestText } from '../hooks/useRequestText';
import { ALL_STATES, OPEN_STATES } from '../utils/request-status';
import { RequestBadges } from './RequestBadges';
import { ServicePicker } from './ServicePicker';

const PAGE_SIZE = 25;

/** The agent's desk: a service's queue by due moment, with filters and pages. */
export default function DeskPage() {
  const { t } = useTranslation();
  const text = useRequestText();
  const { person } = useSession();
  const access = useDeskAccess();
  const [params, setParams] = useSearchParams();
  const services = access.services ?? [];
  const serviceId = params.get('service') ?? services[0]?.id ?? null;
  const service = services.find((candidate) => candidate.id === serviceId) ?? null;
  const [states, setStates] = useState<RequestState[]>([...OPEN_STATES]);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string>('anyone');
  const [dueSoon, setDueSoon] = useState(false);
  const [breached, setBreached] = useState(false);
  const [page, setPage] = useState(1);
  const catalogue = useCatalogue(serviceId);
  const agents = useServiceAgents(service?.ownerTeamId ?? null);
  const queue = useDeskQueue(
    serviceId
      ? {
          supportServiceId: serviceId,
          states: states.length ? states : null,
          categoryId,
          assigneeId: assignee === 'anyone' || assignee === 'unassigned' ? null : assignee,
          unassigned: assignee === 'unassigned',
          dueSoon,
          breached,
          offset: (page - 1) * PAGE_SIZE,
          limit: PAGE_SIZE,
        }
      : null,
  );
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('desk.queue.title')}
        description={t('desk.queue.description')}
        aside={
          access.dashboard && (
            <Button
              component={Link}
              to={serviceId ? `/desk/dashboard?service=${serviceId}` : '/desk/dashboard'}
              variant="light"
              leftSection={<IconChartLine size={16} aria-hidden />}
            >
              {t('desk.queue.dashboard')}
            </Button>
          )
        }
      />
      {access.loading && <PageLoader />}
      {services.length > 0 && (
        <Card withBorder padding="md" component="form" role="search" aria-label={t('desk.queue.filters')}>
          <Group gap="md" align="flex-end" wrap="wrap">
            <ServicePicker
              services={services}
              value={serviceId}
              onChange={(id) => {
                setParams({ service: id });
                setCategoryId(null);
                setAssignee('anyone');
                setPage(1);
              }}
            />
            <MultiSelect
              label={t('desk.queue.states')}
              placeholder={t('desk.queue.openStates')}
              data={ALL_STATES.map((state) => ({ value: state, label: text.state(state, 'service') }))}
              value={states}
              onChange={filtered((value: string[]) => setStates(value as RequestState[]))}
              clearable
              w={{ base: '100%', xs: 320 }}
              data-testid="desk-filter-states"
            />
            <Select
              label={t('desk.queue.category')}
              placeholder={t('desk.queue.anyCategory')}
              data={(catalogue.categories ?? []).map((category) => ({
                value: category.id,
                label: category.name,
              }))}
              value={categoryId}
              onChange={filtered(setCategoryId)}
              clearable
              w={{ base: '100%', xs: 240 }}
              data-testid="desk-filter-category"
            />
            <Select
              label={t('desk.queue.assignee')}
              data={[
                { value: 'anyone', label: t('desk.queue.anyone') },
                { value: 'unassigned', label: t('desk.queue.unassigned') },
                ...(person ? [{ value: person.id, label: t('desk.queue.me') }] : []),
                ...agents
                  .filter((agent) => agent.id !== person?.id)
                  .map((agent) => ({ value: agent.id, label: agent.displayName })),
              ]}
              value={assignee}
              onChange={(value) => filtered(setAssignee)(value ?? 'anyone')}
              allowDeselect={false}
              w={{ base: '100%', xs: 220 }}
              data-testid="desk-filter-assignee"
            />
            <Stack gap={6} pb={4}>
              <Switch
                label={t('desk.queue.dueSoon')}
                checked={dueSoon}
                onChange={(event) => filtered(setDueSoon)(event.currentTarget.checked)}
                data-testid="desk-filter-due-soon"
              />
              <Switch
                label={t('desk.queue.breached')}
                checked={breached}
                onChange={(event) => filtered(setBreached)(event.currentTarget.checked)}
                data-testid="desk-filter-breached"
              />
            </Stack>
          </Group>
        </Card>
      )}
      {queue.error && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {serviceId && queue.loading && !queue.page && <PageLoader />}
      {queue.page && queue.page.items.length === 0 && (
        <Card withBorder>
          <EmptyState
            py="xl"
            icon={<IconInbox aria-hidden />}
            title={t('desk.queue.emptyTitle')}
            description={t('desk.queue.emptyBody')}
          />
        </Card>
      )}
      {queue.page && queue.page.items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={860}>
            <Table
              striped
              highlightOnHover
              verticalSpacing="sm"
              data-testid="desk-queue"
              aria-busy={queue.loading}
            >
              <caption>
                <VisuallyHidden>{t('desk.queue.caption', { service: service?.name ?? '' })}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('desk.queue.request')}</Table.Th>
                  <Table.Th scope="col">{t('desk.queue.requester')}</Table.Th>
                  <Table.Th scope="col">{t('desk.queue.category')}</Table.Th>
                  <Table.Th scope="col">{t('desk.queue.assignee')}</Table.Th>
                  <Table.Th scope="col">{t('desk.queue.stateStatus')}</Table.Th>
                  <Table.Th scope="col">{t('desk.queue.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.page.items.map((request) => (
                  <Table.Tr
                    key={request.id}
                    data-testid="desk-queue-row"
                    data-reference={request.reference}
                    data-state={request.state}
                  >
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/desk/requests/${request.id}`} size="sm">
                        {request.reference} · {request.subject}
                      </Anchor>
                      {request.priority !== 'NORMAL' && (
                        <Text size="xs" c={request.priority === 'URGENT' ? 'red' : 'dimmed'}>
                          {t(`desk.priority.${request.priority}`)}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{request.requester?.displayName ?? '—'}</Table.Td>
                    <Table.Td>{request.category?.name ?? '—'}</Table.Td>
                    <Table.Td>{request.assignee?.displayName ?? t('desk.facts.unassigned')}</Table.Td>
                    <Table.Td>
                      <RequestBadges state={request.state} status={request.status} audience="service" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{text.situation(request, 'service')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group px="md" pb="md">
            <div style={{ flex: 1 }}>
              <PaginationBar
                page={page}
                pageSize={PAGE_SIZE}
                totalCount={queue.page.totalCount}
                onPageChange={setPage}
                label={t('desk.queue.title')}
              />
            </div>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
