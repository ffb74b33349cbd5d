import { Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconChartBar,
  IconEye,
  IconEyeOff,
  IconPlayerStop,
  IconTrash,
  IconWorld,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormatters } from '../../../platform/i18n/format';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useRecurrenceText } from '../hooks/useRecurrenceText';
import { useSurvey, useSurveyActions, type SurveyDetail } from '../hooks/useSurveys';
import {
  defaultScheduleValues,
  toScheduleInput,
  validateSchedule,
  type ScheduleErrors,
} from '../utils/schedule';
import { hasResults } from '../utils/status';
import { ScheduleFields } from './ScheduleFields';
import { SurveyQuestionsCard } from './SurveyQuestionsCard';
import { SurveySettingsForm } from './SurveySettingsForm';
import { SurveyStatusBadge } from './SurveyStatusBadge';

/** One survey for HR: settings, questions, schedule, waves, and what can be done next. */
export default function SurveyDetailPage() {
  const { surveyId = '' } = useParams();
  const { survey, loading, error, refetch } = useSurvey(surveyId);
  if (loading && !survey) return <PageLoader />;
  if (error || !survey) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <SurveyView survey={survey} onReload={() => void refetch()} />;
}

function SurveyView({ survey, onReload }: { survey: SurveyDetail; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={survey.title}
        titleTestId="survey-title"
        aside={
          <Group gap={6}>
            <SurveyStatusBadge status={survey.status} />
            {survey.resultsPublished && (
              <Badge
                variant="light"
                color="grape"
                tt="none"
                leftSection={<IconWorld size={12} aria-hidden />}
              >
                {t('surveys.detail.published')}
              </Badge>
            )}
          </Group>
        }
      />
      <SurveyActions survey={survey} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <SurveySettingsForm key={survey.version} survey={survey} onReload={onReload} />
            <SurveyQuestionsCard key={`questions-${survey.version}`} survey={survey} onReload={onReload} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <ScheduleCard survey={survey} />
            <WavesCard survey={survey} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type Confirming = 'close' | 'delete' | null;

function SurveyActions({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describeError = useApiErrorMessage();
  const actions = useSurveyActions();
  const [confirming, setConfirming] = useState<Confirming>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: 'green', message: done });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', title: t('surveys.detail.notDone'), message: describeError(error) });
      return false;
    }
  };
  const id = survey.id;

  return (
    <>
      <Group gap="sm" data-testid="survey-actions">
        {hasResults(survey.status) && (
          <Button
            component={Link}
            to={`/surveys/${id}/results`}
            leftSection={<IconChartBar size={16} aria-hidden />}
          >
            {t('surveys.detail.viewResults')}
          </Button>
        )}
        {hasResults(survey.status) && (
          <Button
            variant="default"
            leftSection={
              survey.resultsPublished ? (
                <IconEyeOff size={16} aria-hidden />
              ) : (
                <IconEye size={16} aria-hidden />
              )
            }
            loading={actions.publishing}
            onClick={() =>
              void run(
                () => actions.publish({ variables: { id, published: !survey.resultsPublished } }),
                survey.resultsPublished ? t('surveys.detail.unpublished') : t('surveys.detail.publishedDone'),
              )
            }
            data-testid="survey-publish"
          >
            {survey.resultsPublished ? t('surveys.detail.unpublish') : t('surveys.detail.publish')}
          </Button>
        )}
        {survey.status === 'OPEN' && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconPlayerStop size={16} aria-hidden />}
            onClick={() => setConfirming('close')}
            data-testid="survey-close"
          >
            {t('surveys.detail.close')}
          </Button>
        )}
        {survey.status === 'SCHEDULED' && (
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            loading={actions.unscheduling}
            onClick={() =>
              void run(() => actions.unschedule({ variables: { id } }), t('surveys.detail.unscheduled'))
            }
            data-testid="survey-unschedule"
          >
            {t('surveys.detail.unschedule')}
          </Button>
        )}
        {survey.status === 'DRAFT' && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirming('delete')}
            data-testid="survey-delete"
          >
            {t('surveys.detail.delete')}
          </Button>
        )}
      </Group>
      {hasResults(survey.status) && (
        <Text size="sm" c="dimmed">
          {survey.resultsPublished ? t('surveys.detail.publishedHint') : t('surveys.detail.publishHint')}
        </Text>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          confirming === 'delete'
            ? t('surveys.detail.confirmDeleteTitle')
            : t('surveys.detail.confirmCloseTitle')
        }
        centered
      >
        <Text mb="lg">
          {confirming === 'delete'
            ? t('surveys.detail.confirmDeleteBody')
            : t('surveys.detail.confirmCloseBody')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={actions.closing || actions.removing}
            data-testid="survey-confirm"
            onClick={() => {
              if (confirming === 'delete') {
                void run(() => actions.remove({ variables: { id } }), t('surveys.detail.deleted')).then(
                  (ok) => {
                    setConfirming(null);
                    if (ok) void navigate('/surveys', { replace: true });
                  },
                );
              } else {
                void run(() => actions.close({ variables: { id } }), t('surveys.detail.closed')).then(() =>
                  setConfirming(null),
                );
              }
            }}
          >
            {confirming === 'delete' ? t('surveys.detail.delete') : t('surveys.detail.close')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

function ScheduleCard({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const recurrenceText = useRecurrenceText();
  const describeError = useApiErrorMessage();
  const actions = useSurveyActions();
  const [values, setValues] = useState(() => defaultScheduleValues(new Date(), 'now'));
  const [errors, setErrors] = useState<ScheduleErrors>({});

  const submit = async () => {
    const now = new Date();
    const found = validateSchedule(values, now);
    setErrors(found);
    const input = toScheduleInput(values, now);
    if (Object.keys(found).length > 0 || !input) return;
    try {
      await actions.schedule({ variables: { id: survey.id, input } });
      notifications.show({
        color: 'green',
        message: values.mode === 'now' ? t('surveys.detail.opened') : t('surveys.detail.scheduled'),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: t('surveys.detail.notDone'), message: describeError(error) });
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="survey-schedule">
      <Title order={2} size="h4" mb="sm">
        {t('surveys.detail.schedule')}
      </Title>
      {survey.status === 'DRAFT' ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('surveys.detail.draftSchedule')}
          </Text>
          <ScheduleFields
            values={values}
            onChange={(next) => {
              setValues(next);
              setErrors({});
            }}
            errors={errors}
            withDraft={false}
          />
          <Group justify="flex-end">
            <Button
              loading={actions.scheduling}
              onClick={() => void submit()}
              data-testid="survey-schedule-submit"
            >
              {values.mode === 'now' ? t('surveys.detail.openNow') : t('surveys.detail.scheduleAction')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text>{recurrenceText(survey.recurrence)}</Text>
      )}
    </Card>
  );
}

function WavesCard({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card withBorder padding="lg" data-testid="survey-waves">
      <Title order={2} size="h4" mb="sm">
        {t('surveys.waves.title')}
      </Title>
      {survey.waves.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('surveys.waves.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('surveys.waves.number')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.waves.dates')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('surveys.waves.answered')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {survey.waves.map((wave) => (
                  <Table.Tr key={wave.id} data-testid="survey-wave-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {wave.number}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`surveys.waves.status.${wave.status === 'OPEN' ? 'OPEN' : 'CLOSED'}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(wave.opensAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('surveys.waves.until', { date: format.dateTime(wave.closesAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {wave.answered === null
                          ? t('surveys.waves.notYet')
                          : t('surveys.waves.answeredOf', {
                              answered: format.number(wave.answered),
                              invited: format.number(wave.invited),
                            })}
                      </Text>
                      {wave.answered === null && (
                        <Text size="xs" c="dimmed">
                          {t('surveys.waves.answeredHidden', { invited: format.number(wave.invited) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            {t('surveys.waves.hint')}
          </Text>
        </>
      )}
    </Card>
  );
}
