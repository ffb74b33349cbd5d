import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateRequestInput } from '../../../gql/graphql';
import type { RequestDetail } from '../hooks/useRequests';
import classes from './RatingForm.module.css';

interface RatingFormProps {
  requestId: string;
  busy: boolean;
  onRate(input: RateRequestInput): Promise<boolean>;
}

/** How it went: satisfaction 1-5 and ease 1-7 (7 = very easy), with an optional comment. */
export function RatingForm({ requestId, busy, onRate }: RatingFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [csat, setCsat] = useState<string | null>(null);
  const [effort, setEffort] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const csatRef = useRef<HTMLDivElement>(null);
  const submit = async () => {
    setTried(true);
    if (!csat || !effort) {
      csatRef.current?.querySelector('input')?.focus();
      return;
    }
    await onRate({
      requestId,
      csat: Number(csat),
      effort: Number(effort),
      comment: comment.trim() || undefined,
    });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="rating-form">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {t('desk.rating.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('desk.rating.description')}
            </Text>
          </div>
          <div ref={csatRef}>
            <ScaleField
              name="csat"
              label={t('desk.rating.csat')}
              hint={t('desk.rating.csatHint')}
              min={1}
              max={5}
              minLabel={t('desk.rating.csatMin')}
              maxLabel={t('desk.rating.csatMax')}
              value={csat}
              onChange={setCsat}
              error={tried && !csat ? t('desk.rating.required') : undefined}
            />
          </div>
          <ScaleField
            name="effort"
            label={t('desk.rating.effort')}
            hint={t('desk.rating.effortHint')}
            min={1}
            max={7}
            minLabel={t('desk.rating.effortMin')}
            maxLabel={t('desk.rating.effortMax')}
            value={effort}
            onChange={setEffort}
            error={tried && !effort ? t('desk.rating.required') : undefined}
          />
          <Textarea
            label={t('desk.rating.comment')}
            autosize
            minRows={2}
            maxRows={6}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            data-testid="rating-comment"
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconStar size={16} aria-hidden />}
              data-testid="rating-submit"
            >
              {t('desk.rating.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

interface ScaleFieldProps {
  name: 'csat' | 'effort';
  label: string;
  hint: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  value: string | null;
  onChange(value: string): void;
  error: string | undefined;
}

function ScaleField({
  name,
  label,
  hint,
  min,
  max,
  minLabel,
  maxLabel,
  value,
  onChange,
  error,
}: ScaleFieldProps) {
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <Radio.Group
      label={label}
      withAsterisk
      description={hint}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={`rating-${name}`}
    >
      <div className={classes.scale}>
        {values.map((scaleValue) => (
          <div key={scaleValue} className={classes.scaleOption}>
            <Radio
              value={String(scaleValue)}
              label={String(scaleValue)}
              classNames={{ body: classes.scaleOptionBody, labelWrapper: classes.scaleOptionLabel }}
              data-testid={`rating-${name}-${scaleValue}`}
            />
          </div>
        ))}
      </div>
      <Group justify="space-between" mt={4} aria-hidden wrap="nowrap" gap="md">
        <Text size="xs" c="dimmed">
          {minLabel}
        </Text>
        <Text size="xs" c="dimmed" ta="right">
          {maxLabel}
        </Text>
      </Group>
    </Radio.Group>
  );
}

/** The rating once given (seen by its requester only). */
export function RatingGiven({ rating }: { rating: NonNullable<RequestDetail['rating']> }) {
  const { t } = useTranslation();
  if (rating.status !== 'RATED') return null;
  return (
    <Alert
      variant="light"
      color="teal"
      icon={<IconStar aria-hidden />}
      title={t('desk.rating.thanks')}
      data-testid="rating-given"
    >
      {rating.csat !== null && rating.effort !== null
        ? t('desk.rating.given', { csat: rating.csat, effort: rating.effort })
        : t('desk.rating.givenHidden')}
      {rating.comment && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          “{rating.comment}”
        </Text>
      )}
    </Alert>
  );
}
