import { Anchor, Badge, Button, Card, Code, EmptyState, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';
import { AUDIT_PAGE_SIZE, useAuditEvents, type AuditEvent } from '../hooks/useAuditEvents';
import { AuditEventModal } from './AuditEventModal';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const { events, loading, error, refetch } = useAuditEvents(page);
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !events && <PageLoader />}
      {events && (
        <Card withBorder padding={0}>
          {events.items.length === 0 ? (
            <EmptyState py="xl" icon={<IconClipboardList aria-hidden />} title={t('audit.empty')} />
          ) : (
            <AuditTable events={events.items} onOpen={setSelected} />
          )}
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <PaginationBar
              page={page}
              pageSize={AUDIT_PAGE_SIZE}
              totalCount={events.totalCount}
              onPageChange={setPage}
              label={t('audit.title')}
            />
          </div>
        </Card>
      )}
      <AuditEventModal event={selected} onClose={() => setSelected(null)} />
    </>
  );
}

function AuditTable({ events, onOpen }: { events: readonly AuditEvent[]; onOpen(event: AuditEvent): void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('audit.columns.details')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} data-testid="audit-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.at)}</Table.Td>
              <Table.Td>
                {event.actor ? (
                  <Anchor component={Link} to={`/people/${event.actor.id}`} inherit>
                    {event.actor.displayName}
                  </Anchor>
                ) : (
                  <Text span c="dimmed">
                    {t('audit.system')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" tt="none">
                  {event.action}
                </Badge>
              </Table.Td>
              <Table.Td>
                {event.entityType} <Code>{event.entityId}</Code>
              </Table.Td>
              <Table.Td ta="right">
                <Button variant="subtle" size="xs" onClick={() => onOpen(event)}>
                  {t('audit.viewChanges')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
