import { Button, Card, Group, SegmentedControl, Stack, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReplyBoxProps {
  /** The service may write an internal note instead of a public reply. */
  allowInternal: boolean;
  /** A requester's reply resumes a request waiting on them. */
  waitingOnRequester: boolean;
  busy: boolean;
  onSend(body: string, internal: boolean): Promise<boolean>;
}

/** A public reply (the requester sees it) or, for the service, an internal note. */
export function ReplyBox({ allowInternal, waitingOnRequester, busy, onSend }: ReplyBoxProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [body, setBody] = useState('');
  const [mode, setMode] = useState<'public' | 'internal'>('public');
  const internal = allowInternal && mode === 'internal';
  const send = async () => {
    if (!body.trim()) return;
    if (await onSend(body.trim(), internal)) setBody('');
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {allowInternal ? t('desk.reply.titleService') : t('desk.reply.title')}
          </Title>
          {allowInternal && (
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value === 'internal' ? 'internal' : 'public')}
              data={[
                { value: 'public', label: t('desk.reply.public') },
                { value: 'internal', label: t('desk.reply.internal') },
              ]}
              aria-label={t('desk.reply.modeLabel')}
              data-testid="desk-reply-mode"
            />
          )}
          <Textarea
            label={internal ? t('desk.reply.noteLabel') : t('desk.reply.label')}
            description={
              internal
                ? t('desk.reply.noteHint')
                : waitingOnRequester && !allowInternal
                  ? t('desk.reply.resumeHint')
                  : allowInternal
                    ? t('desk.reply.publicHint')
                    : undefined
            }
            autosize
            minRows={3}
            maxRows={10}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            data-testid="request-reply"
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={busy}
              disabled={!body.trim()}
              color={internal ? 'yellow' : undefined}
              leftSection={<IconSend size={16} aria-hidden />}
              data-testid="request-reply-submit"
            >
              {internal ? t('desk.reply.sendNote') : t('desk.reply.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
