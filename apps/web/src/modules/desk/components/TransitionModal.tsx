import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type CommentKind = 'resolve' | 'question' | 'reopen';

interface TransitionModalProps {
  kind: CommentKind | null;
  busy: boolean;
  onClose(): void;
  onConfirm(comment: string): Promise<void>;
}

/** The words that go with a move: what was done (resolve), the question (wait), why it is not over (reopen). */
export function TransitionModal({ kind, busy, onClose, onConfirm }: TransitionModalProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const required = kind !== 'reopen';
  const close = () => {
    setComment('');
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? t(`desk.move.${kind}.title`) : ''} centered>
      {kind && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (required && !comment.trim()) return;
            void onConfirm(comment.trim()).then(() => {
              setComment('');
              setTried(false);
            });
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t(`desk.move.${kind}.hint`)}
            </Text>
            <Textarea
              label={t(`desk.move.${kind}.label`)}
              required={required}
              autosize
              minRows={3}
              maxRows={10}
              data-autofocus
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              error={tried && required && !comment.trim() ? t('desk.new.required') : undefined}
              data-testid={kind === 'resolve' ? 'desk-resolve-comment' : `desk-${kind}-comment`}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="desk-transition-confirm">
                {t(`desk.move.${kind}.confirm`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
