import { Button, Code, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../hooks/usePeopleImport';
import { errorReportCsv } from '../utils/csv-file';
import { downloadText } from '../utils/download';

type ImportError = ImportResult['errors'][number];

/** Row-by-row report: the line in the file, the column, and why it was refused. */
export function ImportErrorsTable({ errors }: { errors: readonly ImportError[] }) {
  const { t } = useTranslation();
  const sorted = [...errors].sort((a, b) => a.line - b.line);

  const download = () => {
    const csv = errorReportCsv(
      [t('import.errors.line'), t('import.errors.field'), t('import.errors.reason')],
      sorted,
    );
    downloadText('import-errors.csv', csv);
  };

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('import.errors.title', { count: errors.length })}</Text>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={download}
        >
          {t('import.errors.download')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table striped verticalSpacing="xs" stickyHeader data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90}>
                {t('import.errors.line')}
              </Table.Th>
              <Table.Th scope="col" w={180}>
                {t('import.errors.field')}
              </Table.Th>
              <Table.Th scope="col">{t('import.errors.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((error, index) => (
              <Table.Tr key={`${error.line}-${error.field ?? ''}-${index}`}>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>{error.field ? <Code>{error.field}</Code> : '—'}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}
