import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../hooks/useLocalized';
import type { SurveyTemplate } from '../hooks/useSurveys';

interface TemplatePickerProps {
  templates: readonly SurveyTemplate[];
  value: string | null;
  onChange(key: string): void;
  error?: string;
}

/** The shipped templates as selectable cards (a radio group: arrows move between them). */
export function TemplatePicker({ templates, value, onChange, error }: TemplatePickerProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  return (
    <Radio.Group
      label={t('surveys.builder.template')}
      value={value}
      onChange={onChange}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="xs" spacing="sm">
        {templates.map((template) => (
          <Radio.Card
            key={template.key}
            value={template.key}
            p="md"
            radius="md"
            data-testid={`template-${template.key}`}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <Stack gap={4}>
                <Text fw={600}>{text(template.name)}</Text>
                <Text size="sm" c="dimmed">
                  {text(template.description)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('surveys.builder.questionCount', { count: template.questions.length })}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
