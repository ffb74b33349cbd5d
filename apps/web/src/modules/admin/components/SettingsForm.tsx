import { Button, Card, Group, NumberInput, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationSettingsForm } from '../hooks/useOrganizationSettings';
import {
  MIN_ANONYMITY_THRESHOLD,
  ORGANIZATION_KINDS,
  type SettingsErrors,
  type SettingsField,
  type SettingsValues,
} from '../utils/organization-settings';
import { vocabularyContext } from '../../shell/utils/vocabulary';
import { CalendarFields } from './CalendarFields';

export type SetField = <K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) => void;

export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const { t } = useTranslation();
  const form = useOrganizationSettingsForm(initial);
  const { values, errors, setField } = form;
  const problem = useProblemText(errors);

  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await form.submit()) return;
    // Take the keyboard to the first field that needs correcting.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={t('settings.title')}
    >
      <Stack gap="lg" maw={860}>
        <Section title={t('settings.sections.identity')}>
          <TextInput
            label={t('settings.name')}
            required
            value={values.name}
            onChange={(event) => setField('name', event.currentTarget.value)}
            error={problem('name')}
            maxLength={200}
          />
          <Radio.Group
            label={t('settings.kind')}
            description={t('settings.kindHint')}
            value={values.kind}
            onChange={(value) => {
              const kind = ORGANIZATION_KINDS.find((candidate) => candidate === value);
              if (kind) setField('kind', kind);
            }}
            error={problem('kind')}
          >
            <Stack gap="sm" mt="xs">
              {ORGANIZATION_KINDS.map((kind) => (
                <Radio
                  key={kind}
                  value={kind}
                  label={t(`organizationKind.${kind}`)}
                  description={t('settings.kindServes', { context: vocabularyContext(kind) })}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Section>

        <Section title={t('settings.sections.privacy')}>
          <NumberInput
            label={t('settings.anonymityThreshold')}
            description={t('settings.anonymityThresholdHint', { min: MIN_ANONYMITY_THRESHOLD })}
            min={MIN_ANONYMITY_THRESHOLD}
            max={1000}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={values.anonymityThreshold}
            onChange={(value) =>
              setField('anonymityThreshold', typeof value === 'number' ? value : Number.NaN)
            }
            error={problem('anonymityThreshold')}
            data-testid="settings-threshold"
            maw={520}
            styles={{ wrapper: { maxWidth: 200 } }}
          />
        </Section>

        <Section title={t('settings.sections.calendar')}>
          <CalendarFields values={values} setField={setField} problem={problem} />
        </Section>

        <Section title={t('settings.sections.language')}>
          <Select
            label={t('settings.defaultLocale')}
            description={t('settings.defaultLocaleHint')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
            value={values.defaultLocale}
            onChange={(value) => value && setField('defaultLocale', value)}
            allowDeselect={false}
            error={problem('defaultLocale')}
            maw={520}
            styles={{ wrapper: { maxWidth: 240 } }}
          />
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={form.reset} disabled={!form.dirty || form.saving}>
            {t('settings.discard')}
          </Button>
          <Button type="submit" loading={form.saving} disabled={!form.dirty} data-testid="settings-save">
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title order={2} size="h4" mb="md" component="legend" style={{ float: 'left', width: '100%' }}>
        {title}
      </Title>
      <Stack gap="md" style={{ clear: 'both' }}>
        {children}
      </Stack>
    </Card>
  );
}

/** The message under a field, in the current language and with the right vocabulary. */
export function useProblemText(errors: SettingsErrors): (field: SettingsField) => string | undefined {
  const { t } = useTranslation();
  return (field) => {
    const problem = errors[field];
    return problem ? t(`settings.problems.${problem}`, { min: MIN_ANONYMITY_THRESHOLD }) : undefined;
  };
}
