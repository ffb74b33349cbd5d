import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';

interface RenegotiateModalProps {
  opened: boolean;
  busy: boolean;
  /** The commitment's due moment: conformity stays judged on it. */
  originalDueAt: string;
  onClose(): void;
  onConfirm(newDueAt: string, reason: string): Promise<void>;
}

/** A new date agreed with the requester, with its reason; the original promise still counts. */
export function RenegotiateModal({ opened, busy, originalDueAt, onClose, onConfirm }: RenegotiateModalProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const instant = date ? new Date(date) : null;
  const dateProblem = !instant
    ? t('desk.new.required')
    : Number.isNaN(instant.getTime()) || instant.getTime() <= Date.now()
      ? t('desk.renegotiate.future')
      : null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('desk.renegotiate.title')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (dateProblem || !reason.trim() || !instant) return;
          void onConfirm(instant.toISOString(), reason.trim()).then(() => {
            setDate('');
            setReason('');
            setTried(false);
          });
        }}
      >
        <Stack gap="md">
          <Alert
            variant="light"
            color="blue"
            icon={<IconInfoCircle aria-hidden />}
            data-testid="renegotiate-notice"
          >
            {t('desk.renegotiate.notice', { date: format.dateTime(originalDueAt) })}
          </Alert>
          <TextInput
            type="datetime-local"
            label={t('desk.renegotiate.date')}
            required
            data-autofocus
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={tried ? dateProblem : undefined}
            data-testid="desk-renegotiate-date"
          />
          <Textarea
            label={t('desk.renegotiate.reason')}
            description={t('desk.renegotiate.reasonHint')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && !reason.trim() ? t('desk.new.required') : undefined}
            data-testid="desk-renegotiate-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="desk-renegotiate-confirm">
              {t('desk.renegotiate.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
