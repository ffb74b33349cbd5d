import { Alert, Button, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Confidentiality, CreateSurveyInput } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useLocalized } from '../hooks/useLocalized';
import {
  useCreateSurvey,
  useSurveyBuilderOptions,
  useSurveyTemplates,
  type SurveyTemplate,
} from '../hooks/useSurveys';
import {
  defaultScheduleValues,
  toScheduleInput,
  validateSchedule,
  type ScheduleErrors,
  type ScheduleValues,
} from '../utils/schedule';
import { AudienceFields } from './AudienceFields';
import { ConfidentialityField } from './ConfidentialityField';
import { FormSection } from './FormSection';
import { QuestionList } from './QuestionList';
import { ScheduleFields } from './ScheduleFields';
import { TemplatePicker } from './TemplatePicker';

interface BuilderValues {
  templateKey: string | null;
  title: string;
  description: string;
  confidentiality: Confidentiality;
  subjectId: string | null;
  teamIds: string[];
  positionIds: string[];
  pulseItemsPerWave: number;
}

const MAX_TITLE = 200;

/** The survey builder: template, details, audience, schedule; created as a draft, then opened if asked. */
export default function NewSurveyPage() {
  const { t } = useTranslation();
  const { templates, loading, error, refetch } = useSurveyTemplates();
  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader title={t('surveys.builder.title')} description={t('surveys.builder.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !templates && <PageLoader />}
      {templates && <SurveyBuilder templates={templates} />}
    </Stack>
  );
}

function SurveyBuilder({ templates }: { templates: readonly SurveyTemplate[] }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const navigate = useNavigate();
  const describeError = useApiErrorMessage();
  const options = useSurveyBuilderOptions();
  const { create, schedule, busy } = useCreateSurvey();
  const [values, setValues] = useState<BuilderValues>({
    templateKey: null,
    title: '',
    description: '',
    confidentiality: 'ANONYMOUS',
    subjectId: null,
    teamIds: [],
    positionIds: [],
    pulseItemsPerWave: 4,
  });
  const [scheduleValues, setScheduleValues] = useState<ScheduleValues>(() =>
    defaultScheduleValues(new Date()),
  );
  const [scheduleErrors, setScheduleErrors] = useState<ScheduleErrors>({});
  const [templateError, setTemplateError] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const template = templates.find((candidate) => candidate.key === values.templateKey) ?? null;
  const set = <K extends keyof BuilderValues>(field: K, value: BuilderValues[K]) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const chooseTemplate = (key: string) => {
    const chosen = templates.find((candidate) => candidate.key === key);
    setTemplateError(false);
    setValues((previous) => ({
      ...previous,
      templateKey: key,
      subjectId: null,
      confidentiality: chosen?.defaultConfidentiality ?? previous.confidentiality,
    }));
  };

  const subjectOptions =
    template?.subjectKind === 'SUPPORT_SERVICE'
      ? options.services
      : template?.subjectKind === 'MANAGER'
        ? options.managers
        : null;
  const subjectName = useMemo(() => {
    const chosen = subjectOptions?.find((option) => option.value === values.subjectId);
    return chosen?.label ?? t(`surveys.builder.genericSubject.${template?.subjectKind ?? 'ORGANIZATION'}`);
  }, [subjectOptions, values.subjectId, template, t]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const now = new Date();
    const foundSchedule = validateSchedule(scheduleValues, now);
    setScheduleErrors(foundSchedule);
    setTemplateError(!template);
    if (!template || Object.keys(foundSchedule).length > 0) return;
    const input: CreateSurveyInput = {
      templateKey: template.key,
      confidentiality: values.confidentiality,
      audienceTeamIds: values.teamIds,
      audiencePositionIds: values.positionIds,
    };
    if (values.title.trim()) input.title = values.title.trim();
    if (values.description.trim()) input.description = values.description.trim();
    if (values.subjectId) input.subjectId = values.subjectId;
    if (template.key === 'pulse') input.pulseItemsPerWave = values.pulseItemsPerWave;
    let surveyId: string;
    try {
      const { data } = await create({ variables: { input } });
      if (!data) return;
      surveyId = data.createSurvey.id;
    } catch (error) {
      setFailure(describeError(error));
      return;
    }
    const scheduleInput = toScheduleInput(scheduleValues, new Date());
    if (scheduleInput) {
      try {
        await schedule({ variables: { id: surveyId, input: scheduleInput } });
      } catch (error) {
        // The draft exists: say so, and let its page schedule it again.
        notifications.show({
          color: 'orange',
          title: t('surveys.builder.createdNotScheduled'),
          message: describeError(error),
        });
        await navigate(`/surveys/${surveyId}`);
        return;
      }
    }
    notifications.show({
      color: 'green',
      title: t(`surveys.builder.created.${scheduleValues.mode}`),
      message: values.title.trim() || text(template.name),
    });
    await navigate(`/surveys/${surveyId}`);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('surveys.builder.title')}>
      <Stack gap="lg">
        <FormSection title={t('surveys.builder.sections.template')} testId="builder-template">
          <TemplatePicker
            templates={templates}
            value={values.templateKey}
            onChange={chooseTemplate}
            error={templateError ? t('surveys.builder.chooseTemplate') : undefined}
          />
          {template && (
            <div data-testid="template-preview">
              <Text fw={600} size="sm" mb="xs">
                {t('surveys.builder.preview', { name: text(template.name) })}
              </Text>
              {template.key === 'pulse' && (
                <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="sm">
                  {t('surveys.builder.pulseHint', { count: values.pulseItemsPerWave })}
                </Alert>
              )}
              {template.key === 'support_service' && !values.subjectId && (
                <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} mb="sm">
                  {t('surveys.builder.everyServiceHint')}
                </Alert>
              )}
              <QuestionList questions={template.questions} subject={subjectName} />
            </div>
          )}
        </FormSection>

        <FormSection title={t('surveys.builder.sections.details')}>
          <TextInput
            label={t('surveys.builder.surveyTitle')}
            description={t('surveys.builder.surveyTitleHint')}
            placeholder={template ? text(template.name) : undefined}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            maxLength={MAX_TITLE}
            data-testid="builder-title"
          />
          <Textarea
            label={t('surveys.builder.surveyDescription')}
            description={t('surveys.builder.surveyDescriptionHint')}
            placeholder={template ? text(template.description) : undefined}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            autosize
            minRows={2}
          />
          {subjectOptions && template && (
            <Select
              label={t(
                `surveys.builder.subject.${template.subjectKind === 'MANAGER' ? 'MANAGER' : 'SUPPORT_SERVICE'}`,
              )}
              description={t(
                `surveys.builder.subjectHint.${template.subjectKind === 'MANAGER' ? 'MANAGER' : 'SUPPORT_SERVICE'}`,
              )}
              placeholder={t(
                `surveys.builder.subjectNone.${template.subjectKind === 'MANAGER' ? 'MANAGER' : 'SUPPORT_SERVICE'}`,
              )}
              data={subjectOptions}
              value={values.subjectId}
              onChange={(value) => set('subjectId', value)}
              searchable
              clearable
              nothingFoundMessage={t('common.noMatch')}
              comboboxProps={{ withinPortal: true }}
              maw={480}
            />
          )}
          {template?.key === 'pulse' && (
            <NumberInput
              label={t('surveys.builder.pulseItems')}
              description={t('surveys.builder.pulseItemsHint')}
              min={3}
              max={5}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              value={values.pulseItemsPerWave}
              onChange={(value) => set('pulseItemsPerWave', typeof value === 'number' ? value : 4)}
              maw={240}
            />
          )}
          <ConfidentialityField
            value={values.confidentiality}
            onChange={(mode) => set('confidentiality', mode)}
          />
        </FormSection>

        <FormSection
          title={t('surveys.builder.sections.audience')}
          description={t('surveys.builder.audienceHint')}
          testId="builder-audience"
        >
          <AudienceFields
            teamIds={values.teamIds}
            positionIds={values.positionIds}
            onChange={({ teamIds, positionIds }) =>
              setValues((previous) => ({ ...previous, teamIds, positionIds }))
            }
          />
        </FormSection>

        <FormSection title={t('surveys.builder.sections.schedule')} testId="builder-schedule">
          <ScheduleFields
            values={scheduleValues}
            onChange={(next) => {
              setScheduleValues(next);
              setScheduleErrors({});
            }}
            errors={scheduleErrors}
            withDraft
          />
        </FormSection>

        {failure && (
          <Alert color="red" variant="light" role="alert" data-testid="builder-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => void navigate('/surveys')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="survey-create">
            {t(`surveys.builder.submit.${scheduleValues.mode}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
