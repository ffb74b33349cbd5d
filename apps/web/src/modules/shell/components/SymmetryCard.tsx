import { Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../hooks/useVocabulary';

/** What "attention symmetry" means, in the organisation's own words (customers or users). */
export function SymmetryCard() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  return (
    <Card withBorder padding="lg" bg="var(--mantine-primary-color-light)">
      <Title order={2} size="h3" mb="sm">
        {t('home.symmetry.title')}
      </Title>
      <Text mb="sm">{t('home.symmetry.intro', { context })}</Text>
      <List spacing={4} size="sm">
        <List.Item>{t('home.symmetry.frontLine', { context })}</List.Item>
        <List.Item>{t('home.symmetry.support', { context })}</List.Item>
        <List.Item>{t('home.symmetry.measure', { context })}</List.Item>
      </List>
    </Card>
  );
}
