import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RequestPriority } from '../../../gql/graphql';
import { toApiError } from '../../../platform/apollo/errors';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { useCatalogue, useOpenRequest } from '../hooks/useRequests';
import { useRequestText } from '../hooks/useRequestText';

const PRIORITIES: readonly RequestPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** Ask a support service: service, then what about (with its commitment, read before sending), then the words. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const text = useRequestText();
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const describe = useApiErrorMessage();
  const [params] = useSearchParams();
  const [serviceId, setServiceId] = useState<string | null>(params.get('service'));
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<RequestPriority>('NORMAL');
  const [tried, setTried] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const catalogue = useCatalogue(serviceId);
  const { open, opening } = useOpenRequest();
  const categories = catalogue.categories?.filter((category) => category.active) ?? [];
  const category = categories.find((candidate) => candidate.id === categoryId) ?? null;

  const submit = async () => {
    setTried(true);
    setSubmitError(null);
    if (!serviceId || !categoryId || !subject.trim()) return;
    try {
      const request = await open({
        supportServiceId: serviceId,
        categoryId,
        subject: subject.trim(),
        description: description.trim(),
        priority,
      });
      void navigate(`/requests/${request.id}`);
    } catch (error) {
      setSubmitError(error);
    }
  };
  const submitProblem = submitError ? toApiError(submitError) : null;

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={t('desk.new.title')}
        description={t('desk.new.description', { context: vocabulary.context })}
      />
      {catalogue.error && <QueryError error={catalogue.error} onRetry={catalogue.refetch} />}
      <Card withBorder padding="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Select
              label={t('desk.new.service')}
              placeholder={t('desk.new.servicePlaceholder')}
              required
              searchable
              data={(catalogue.services ?? []).map((service) => ({ value: service.id, label: service.name }))}
              value={serviceId}
              onChange={(value) => {
                setServiceId(value);
                setCategoryId(null);
              }}
              error={tried && !serviceId ? t('desk.new.required') : undefined}
              nothingFoundMessage={t('common.noMatch')}
              data-testid="request-service"
            />
            <Select
              label={t('desk.new.category')}
              placeholder={serviceId ? t('desk.new.categoryPlaceholder') : t('desk.new.pickServiceFirst')}
              required
              disabled={!serviceId}
              data={categories.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={categoryId}
              onChange={setCategoryId}
              error={tried && !categoryId ? t('desk.new.required') : undefined}
              data-testid="request-category"
            />
            {category && (
              <Alert
                variant="light"
                color="blue"
                icon={<IconInfoCircle aria-hidden />}
                title={t('desk.new.commitmentTitle')}
                role="status"
                data-testid="request-commitment-preview"
              >
                {category.description && (
                  <Text size="sm" mb={4}>
                    {category.description}
                  </Text>
                )}
                <Text size="sm">{text.localized(category.commitment.wording)}</Text>
              </Alert>
            )}
            <TextInput
              label={t('desk.new.subject')}
              required
              maxLength={200}
              value={subject}
              onChange={(event) => setSubject(event.currentTarget.value)}
              error={tried && !subject.trim() ? t('desk.new.required') : undefined}
              data-testid="request-subject"
            />
            <Textarea
              label={t('desk.new.details')}
              description={t('desk.new.detailsHint')}
              autosize
              minRows={4}
              maxRows={12}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              data-testid="request-description-input"
            />
            <Select
              label={t('desk.new.priority')}
              allowDeselect={false}
              data={PRIORITIES.map((value) => ({ value, label: t(`desk.priority.${value}`) }))}
              value={priority}
              onChange={(value) => value && setPriority(value as RequestPriority)}
              data-testid="request-priority"
            />
            {submitProblem && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={t('errors.title')}
                data-testid="request-error"
              >
                {describe(submitError)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button component={Link} to="/requests" variant="default">
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={opening}
                leftSection={<IconSend size={16} aria-hidden />}
                data-testid="request-submit"
              >
                {t('desk.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
