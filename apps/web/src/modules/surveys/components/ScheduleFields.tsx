import {
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecurrenceKind } from '../../../gql/graphql';
import {
  maxOpenDays,
  RECURRENCE_KINDS,
  type ScheduleErrors,
  type ScheduleField,
  type ScheduleMode,
  type ScheduleValues,
} from '../utils/schedule';

interface ScheduleFieldsProps {
  values: ScheduleValues;
  onChange(values: ScheduleValues): void;
  errors: ScheduleErrors;
  /** Offer "keep as a draft" (the builder does; a draft's page schedules or opens). */
  withDraft: boolean;
}

const MODES: readonly ScheduleMode[] = ['draft', 'now', 'later'];

/** When the survey opens and closes: once, or in weekly or monthly waves. */
export function ScheduleFields({ values, onChange, errors, withDraft }: ScheduleFieldsProps) {
  const { t } = useTranslation();
  const kindLabelId = useId();
  const set = <K extends keyof ScheduleValues>(field: K, value: ScheduleValues[K]) =>
    onChange({ ...values, [field]: value });
  const problem = (field: ScheduleField) => {
    const code = errors[field];
    return code
      ? t(`surveys.schedule.problems.${code}`, { max: maxOpenDays(values.kind, values.interval || 1) })
      : undefined;
  };
  const modes = MODES.filter((mode) => withDraft || mode !== 'draft');
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('surveys.schedule.when')}
        value={values.mode}
        onChange={(value) => {
          const mode = modes.find((candidate) => candidate === value);
          if (mode) set('mode', mode);
        }}
      >
        <Stack gap="xs" mt="xs">
          {modes.map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={t(`surveys.schedule.modes.${mode}`)}
              description={t(`surveys.schedule.modeHints.${mode}`)}
              data-testid={`schedule-mode-${mode}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {values.mode !== 'draft' && (
        <>
          <div>
            <Text size="sm" fw={500} id={kindLabelId} mb={4}>
              {t('surveys.schedule.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabelId}
              value={values.kind}
              onChange={(value) => {
                const kind = RECURRENCE_KINDS.find((candidate) => candidate === value);
                if (kind) set('kind', kind);
              }}
              data={RECURRENCE_KINDS.map((kind: RecurrenceKind) => ({
                value: kind,
                label: t(`surveys.recurrence.kinds.${kind}`),
              }))}
              data-testid="schedule-kind"
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {values.mode === 'later' && (
              <TextInput
                type="datetime-local"
                label={
                  values.kind === 'ONE_OFF'
                    ? t('surveys.schedule.opensAt')
                    : t('surveys.schedule.firstOpensAt')
                }
                value={values.opensAt}
                onChange={(event) => set('opensAt', event.currentTarget.value)}
                error={problem('opensAt')}
                required
                data-testid="schedule-opens-at"
              />
            )}
            {values.kind === 'ONE_OFF' && (
              <TextInput
                type="datetime-local"
                label={t('surveys.schedule.closesAt')}
                value={values.closesAt}
                onChange={(event) => set('closesAt', event.currentTarget.value)}
                error={problem('closesAt')}
                required
                data-testid="schedule-closes-at"
              />
            )}
          </SimpleGrid>
          {values.kind !== 'ONE_OFF' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={
                  values.kind === 'WEEKLY'
                    ? t('surveys.schedule.intervalWeeks')
                    : t('surveys.schedule.intervalMonths')
                }
                min={1}
                max={12}
                allowDecimal={false}
                allowNegative={false}
                value={values.interval}
                onChange={(value) => set('interval', typeof value === 'number' ? value : Number.NaN)}
                error={problem('interval')}
              />
              <NumberInput
                label={t('surveys.schedule.openForDays')}
                description={t('surveys.schedule.openForDaysHint', {
                  max: maxOpenDays(values.kind, values.interval || 1),
                })}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={values.openForDays}
                onChange={(value) => set('openForDays', typeof value === 'number' ? value : Number.NaN)}
                error={problem('openForDays')}
                data-testid="schedule-open-days"
              />
              <Stack gap={6}>
                <NumberInput
                  label={t('surveys.schedule.waveCount')}
                  min={1}
                  max={520}
                  allowDecimal={false}
                  allowNegative={false}
                  value={values.waveCount ?? ''}
                  disabled={values.waveCount === null}
                  onChange={(value) => set('waveCount', typeof value === 'number' ? value : Number.NaN)}
                  error={problem('waveCount')}
                  data-testid="schedule-wave-count"
                />
                <Switch
                  size="xs"
                  label={t('surveys.schedule.untilClosed')}
                  checked={values.waveCount === null}
                  onChange={(event) => set('waveCount', event.currentTarget.checked ? null : 6)}
                />
              </Stack>
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
