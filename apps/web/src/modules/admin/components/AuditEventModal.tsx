import { Code, Modal, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import type { AuditEvent } from '../hooks/useAuditEvents';
import { diffSnapshots, prettyJson, showValue } from '../utils/audit-diff';

/** Before/after of one audit event: changed fields first, raw JSON alongside. */
export function AuditEventModal({ event, onClose }: { event: AuditEvent | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Modal
      opened={event !== null}
      onClose={onClose}
      size="xl"
      title={event ? `${event.action} · ${event.entityType}` : ''}
    >
      {event && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('audit.modalSubtitle', {
              at: format.dateTime(event.at),
              actor: event.actor?.displayName ?? t('audit.system'),
              id: event.entityId,
            })}
          </Text>
          <Tabs defaultValue="changes">
            <Tabs.List>
              <Tabs.Tab value="changes">{t('audit.changes')}</Tabs.Tab>
              <Tabs.Tab value="json">{t('audit.rawJson')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="changes" pt="md">
              <ChangesTable before={event.before} after={event.after} />
            </Tabs.Panel>
            <Tabs.Panel value="json" pt="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>
                  <Text fw={600} size="sm" mb={4}>
                    {t('audit.before')}
                  </Text>
                  <Code block>{prettyJson(event.before)}</Code>
                </div>
                <div>
                  <Text fw={600} size="sm" mb={4}>
                    {t('audit.after')}
                  </Text>
                  <Code block>{prettyJson(event.after)}</Code>
                </div>
              </SimpleGrid>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}

function ChangesTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = diffSnapshots(before, after);
  if (!changes) return <Text c="dimmed">{t('audit.noFieldView')}</Text>;
  const changed = changes.filter((change) => change.changed);
  if (changed.length === 0) return <Text c="dimmed">{t('audit.noChanges')}</Text>;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changed.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td>
              <Code>{change.field}</Code>
            </Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
              {showValue(change.before)}
            </Table.Td>
            <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>
              {showValue(change.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
