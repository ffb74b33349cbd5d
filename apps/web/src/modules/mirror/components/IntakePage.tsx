import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/components/PageHeader';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { ApiKeysCard } from './ApiKeysCard';
import { CsvIntakeCard } from './CsvIntakeCard';
import { MetricDefinitionsCard } from './MetricDefinitionsCard';

/** Customer (or user) figures: a CSV import, API keys for a CRM, and the metric definitions. */
export default function IntakePage() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('mirror.intake.title', { context })}
        description={t('mirror.intake.description', { context })}
      />
      <CsvIntakeCard />
      <ApiKeysCard />
      <MetricDefinitionsCard />
    </Stack>
  );
}
