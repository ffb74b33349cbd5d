import { Alert, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import type { ImportResult } from '../hooks/usePeopleImport';
import { validRowCount } from '../utils/csv-file';
import { ConfirmApplyModal } from './ConfirmApplyModal';
import { ImportErrorsTable } from './ImportErrorsTable';

interface ImportReportProps {
  result: ImportResult;
  busy: boolean;
  onApply(mode: Exclude<ImportMode, 'VALIDATE'>): void;
}

/** Step 2: what validation found, and the ways to go on. */
export function ImportReport({ result, busy, onApply }: ImportReportProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [confirming, setConfirming] = useState<Exclude<ImportMode, 'VALIDATE'> | null>(null);
  const validRows = validRowCount(result.totalRows, result.errors);
  const rowsToApply = confirming === 'APPLY' ? result.totalRows : validRows;

  return (
    <Card withBorder padding="lg" data-testid="import-report">
      <Title order={2} size="h4" mb="md">
        {t('import.step2')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        <Stat label={t('import.stats.rows')} value={format.number(result.totalRows)} />
        <Stat label={t('import.stats.created')} value={format.number(result.created)} />
        <Stat label={t('import.stats.updated')} value={format.number(result.updated)} />
        <Stat label={t('import.stats.unchanged')} value={format.number(result.unchanged)} />
      </SimpleGrid>
      {result.valid ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} mb="md" role="status">
          {t('import.allValid', { count: result.totalRows })}
        </Alert>
      ) : (
        <>
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            mb="md"
            role="status"
          >
            {result.totalRows === 0
              ? t('import.unreadable')
              : t('import.someInvalid', {
                  count: result.errors.length,
                  lines: format.number(result.totalRows - validRows),
                  valid: format.number(validRows),
                })}
          </Alert>
          <ImportErrorsTable errors={result.errors} />
        </>
      )}
      <Group mt="md" gap="sm">
        {result.valid ? (
          <Button onClick={() => setConfirming('APPLY')} loading={busy} data-testid="import-apply">
            {t('import.apply', { count: result.totalRows })}
          </Button>
        ) : (
          validRows > 0 && (
            <Button
              onClick={() => setConfirming('APPLY_VALID_ROWS')}
              loading={busy}
              data-testid="import-apply-valid"
            >
              {t('import.applyValid', { count: validRows })}
            </Button>
          )
        )}
      </Group>
      <ConfirmApplyModal
        opened={confirming !== null}
        rows={rowsToApply}
        skipped={confirming === 'APPLY_VALID_ROWS' ? result.totalRows - validRows : 0}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) onApply(confirming);
          setConfirming(null);
        }}
      />
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </div>
  );
}
