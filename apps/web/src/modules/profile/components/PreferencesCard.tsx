import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../../../platform/i18n/i18n';
import { isLocale, toLocale } from '../../../platform/i18n/locale';

export function PreferencesCard() {
  const { t, i18n } = useTranslation();
  const current = toLocale(i18n.language) ?? 'en';
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('profile.preferences')}
      </Title>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="language-preference-label">
          {t('language.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="language-preference-label"
          value={current}
          onChange={(value) => {
            if (isLocale(value)) changeLocale(value);
          }}
          data={[
            { value: 'en', label: <span lang="en">English</span> },
            { value: 'fr', label: <span lang="fr">Français</span> },
          ]}
          data-testid="profile-language"
        />
        <Text size="xs" c="dimmed">
          {t('profile.languageHint')}
        </Text>
      </Stack>
    </Card>
  );
}
