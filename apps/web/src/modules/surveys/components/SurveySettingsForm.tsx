import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, UpdateSurveyInput } from '../../../gql/graphql';
import { toApiError } from '../../../platform/apollo/errors';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useSurveyActions, type SurveyDetail } from '../hooks/useSurveys';
import { AudienceFields } from './AudienceFields';
import { ConfidentialityField } from './ConfidentialityField';

interface SettingsValues {
  title: string;
  description: string;
  confidentiality: Confidentiality;
  teamIds: string[];
  positionIds: string[];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Only what changed is sent: edits after opening touch only the title and description. */
function changes(survey: SurveyDetail, values: SettingsValues): UpdateSurveyInput {
  const input: UpdateSurveyInput = {};
  if (values.title.trim() !== survey.title) input.title = values.title.trim();
  if (values.description !== survey.description) input.description = values.description;
  if (values.confidentiality !== survey.confidentiality) input.confidentiality = values.confidentiality;
  if (!sameIds(values.teamIds, survey.audienceTeamIds)) input.audienceTeamIds = values.teamIds;
  if (!sameIds(values.positionIds, survey.audiencePositionIds))
    input.audiencePositionIds = values.positionIds;
  return input;
}

/**
 * Title, description, confidentiality and audience. The last two freeze once the survey opens. Saving sends the
 * version read: if someone changed the survey meanwhile, the API refuses (CONFLICT) and the page offers a reload.
 */
export function SurveySettingsForm({ survey, onReload }: { survey: SurveyDetail; onReload(): void }) {
  const { t } = useTranslation();
  const describeError = useApiErrorMessage();
  const { update, updating } = useSurveyActions();
  const [values, setValues] = useState<SettingsValues>({
    title: survey.title,
    description: survey.description,
    confidentiality: survey.confidentiality,
    teamIds: survey.audienceTeamIds,
    positionIds: survey.audiencePositionIds,
  });
  const [conflict, setConflict] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);
  const input = changes(survey, values);
  const dirty = Object.keys(input).length > 0;
  const frozen = survey.questionsFrozen;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.title.trim() === '') {
      setTitleError(t('surveys.detail.titleRequired'));
      return;
    }
    try {
      // On success the survey comes back with a new version, and this form starts again from it.
      await update({ variables: { id: survey.id, version: survey.version, input } });
      notifications.show({ color: 'green', message: t('surveys.detail.saved') });
    } catch (error) {
      if (toApiError(error).code === 'CONFLICT') setConflict(true);
      else
        notifications.show({
          color: 'red',
          title: t('surveys.detail.notSaved'),
          message: describeError(error),
        });
    }
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('surveys.detail.settings')}
        </Title>
        {frozen && (
          <Badge variant="light" color="gray" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
            {t('surveys.detail.setupFrozen')}
          </Badge>
        )}
      </Group>
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" variant="light" role="alert" data-testid="survey-conflict">
            <Text size="sm" mb="xs">
              {t('surveys.detail.conflict')}
            </Text>
            <Button size="xs" variant="white" color="orange" onClick={onReload}>
              {t('surveys.detail.reload')}
            </Button>
          </Alert>
        )}
        <TextInput
          label={t('surveys.builder.surveyTitle')}
          required
          value={values.title}
          onChange={(event) => {
            const title = event.currentTarget.value;
            setValues((previous) => ({ ...previous, title }));
            setTitleError(null);
          }}
          error={titleError}
          maxLength={200}
          data-testid="survey-edit-title"
        />
        <Textarea
          label={t('surveys.builder.surveyDescription')}
          value={values.description}
          onChange={(event) => {
            const description = event.currentTarget.value;
            setValues((previous) => ({ ...previous, description }));
          }}
          autosize
          minRows={2}
        />
        <ConfidentialityField
          value={values.confidentiality}
          onChange={(confidentiality) => setValues((previous) => ({ ...previous, confidentiality }))}
          disabled={frozen}
          description={frozen ? t('surveys.detail.frozenHint') : undefined}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('surveys.detail.audience')}
          </Text>
          <Text size="xs" c="dimmed">
            {frozen ? t('surveys.detail.frozenHint') : t('surveys.builder.audienceHint')}
          </Text>
        </Stack>
        <AudienceFields
          teamIds={values.teamIds}
          positionIds={values.positionIds}
          onChange={({ teamIds, positionIds }) =>
            setValues((previous) => ({ ...previous, teamIds, positionIds }))
          }
          disabled={frozen}
        />
        <Group justify="flex-end">
          <Button type="submit" disabled={!dirty || conflict} loading={updating} data-testid="survey-save">
            {t('surveys.detail.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
