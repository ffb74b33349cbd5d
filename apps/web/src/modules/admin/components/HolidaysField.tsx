import { Button, Group, Input, Pill, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { isValidDate } from '../utils/organization-settings';

interface HolidaysFieldProps {
  holidays: readonly string[];
  onChange(holidays: string[]): void;
  error?: string;
}

/** Public holidays: pick a date, add it; each added date can be removed. */
export function HolidaysField({ holidays, onChange, error }: HolidaysFieldProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [draft, setDraft] = useState('');
  const draftProblem = draft !== '' && !isValidDate(draft) ? t('settings.problems.date') : undefined;

  const add = () => {
    if (!isValidDate(draft)) return;
    onChange([...new Set([...holidays, draft])].sort());
    setDraft('');
  };

  return (
    <Input.Wrapper
      label={t('settings.publicHolidays')}
      description={t('settings.publicHolidaysHint')}
      error={error}
    >
      <Group align="flex-start" gap="xs" mt={6}>
        <TextInput
          type="date"
          aria-label={t('settings.holidayDate')}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          error={draftProblem}
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          disabled={!isValidDate(draft)}
        >
          {t('settings.addHoliday')}
        </Button>
      </Group>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('settings.noHolidays')}
        </Text>
      ) : (
        <Group gap={6} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {holidays.map((day) => (
            <li key={day}>
              <Pill
                size="md"
                withRemoveButton
                onRemove={() => onChange(holidays.filter((holiday) => holiday !== day))}
                removeButtonProps={{ 'aria-label': t('settings.removeHoliday', { date: format.date(day) }) }}
              >
                {format.date(day)}
              </Pill>
            </li>
          ))}
        </Group>
      )}
    </Input.Wrapper>
  );
}
