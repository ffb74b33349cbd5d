import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../hooks/useRequests';
import { useRequestText } from '../hooks/useRequestText';

interface SpawnInput {
  supportServiceId: string;
  categoryId: string;
  subject: string;
  description: string;
}

interface SpawnTaskModalProps {
  opened: boolean;
  busy: boolean;
  onClose(): void;
  onConfirm(input: SpawnInput): Promise<void>;
}

/** A task for another service, linked to this request and under the same requester. */
export function SpawnTaskModal({ opened, busy, onClose, onConfirm }: SpawnTaskModalProps) {
  const { t } = useTranslation();
  const text = useRequestText();
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const catalogue = useCatalogue(opened ? serviceId : null);
  const categories = catalogue.categories?.filter((category) => category.active) ?? [];
  const category = categories.find((candidate) => candidate.id === categoryId) ?? null;
  const reset = () => {
    setServiceId(null);
    setCategoryId(null);
    setSubject('');
    setDescription('');
    setTried(false);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('desk.spawn.title')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!serviceId || !categoryId || !subject.trim()) return;
          void onConfirm({
            supportServiceId: serviceId,
            categoryId,
            subject: subject.trim(),
            description: description.trim(),
          }).then(reset);
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('desk.spawn.hint')}
          </Text>
          <Select
            label={t('desk.new.service')}
            required
            data-autofocus
            data={(catalogue.services ?? []).map((service) => ({ value: service.id, label: service.name }))}
            value={serviceId}
            onChange={(value) => {
              setServiceId(value);
              setCategoryId(null);
            }}
            error={tried && !serviceId ? t('desk.new.required') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-testid="desk-spawn-service"
          />
          <Select
            label={t('desk.new.category')}
            required
            disabled={!serviceId}
            data={categories.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={categoryId}
            onChange={setCategoryId}
            error={tried && !categoryId ? t('desk.new.required') : undefined}
            data-testid="desk-spawn-category"
          />
          {category && (
            <Alert variant="light" color="blue" role="status">
              {text.localized(category.commitment.wording)}
            </Alert>
          )}
          <TextInput
            label={t('desk.new.subject')}
            required
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            error={tried && !subject.trim() ? t('desk.new.required') : undefined}
            data-testid="desk-spawn-subject"
          />
          <Textarea
            label={t('desk.new.details')}
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="desk-spawn-confirm">
              {t('desk.spawn.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
