import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { usePeopleImport } from '../hooks/usePeopleImport';
import { MAX_CSV_BYTES } from '../utils/csv-file';
import { ImportColumnsHelp } from './ImportColumnsHelp';
import { ImportReport } from './ImportReport';

export default function PeopleImportPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { picked, file, fileProblem, state, error, busy, chooseFile, run, reset } = usePeopleImport();

  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('import.step1')}
        </Title>
        <List size="sm" spacing={4} mb="md" c="dimmed">
          <List.Item>{t('import.rules.header')}</List.Item>
          <List.Item>{t('import.rules.encoding')}</List.Item>
          <List.Item>{t('import.rules.safe')}</List.Item>
        </List>
        <ImportColumnsHelp />
        <Group align="flex-end" gap="md">
          <FileInput
            label={t('import.file')}
            placeholder={t('import.filePlaceholder')}
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={18} aria-hidden />}
            value={picked}
            onChange={(chosen) => void chooseFile(chosen)}
            description={t('import.maxSize', { size: format.number(MAX_CSV_BYTES / 1024 / 1024) })}
            error={fileProblem ? t(`import.fileProblem.${fileProblem}`) : undefined}
            clearable
            style={{ flex: '1 1 320px' }}
            data-testid="import-file"
          />
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            onClick={() => void run('VALIDATE')}
            disabled={!file || state.step === 'applied'}
            loading={busy && state.step === 'choose'}
            data-testid="import-validate"
          >
            {t('import.validate')}
          </Button>
        </Group>
        {file && (
          <Text size="sm" mt="sm" data-testid="import-file-summary">
            {t('import.fileSummary', {
              name: file.name,
              count: file.rowCount,
              rows: format.number(file.rowCount),
            })}
          </Text>
        )}
      </Card>

      {error !== null && <QueryError error={error} />}

      {state.step === 'validated' && (
        <ImportReport result={state.result} busy={busy} onApply={(mode) => void run(mode)} />
      )}

      {state.step === 'applied' && (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('import.done')}
          role="status"
        >
          <Text mb="sm">
            {t('import.doneSummary', {
              created: format.number(state.result.created),
              updated: format.number(state.result.updated),
              unchanged: format.number(state.result.unchanged),
            })}
          </Text>
          {state.mode === 'APPLY_VALID_ROWS' && state.result.errors.length > 0 && (
            <Text size="sm" mb="sm">
              {t('import.skippedRows', { count: state.result.errors.length })}
            </Text>
          )}
          <Button variant="default" onClick={reset}>
            {t('import.another')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
