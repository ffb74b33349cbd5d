import { Group, Stack, Text } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SuppressedReason } from '../../../gql/graphql';

interface NotEnoughAnswersProps {
  reason: SuppressedReason | null;
  /** The threshold that applies (k, or the comment threshold). */
  threshold: number;
  /** Only the words, for tight places (the explanation is given nearby). */
  compact?: boolean;
}

/** What a hidden figure shows instead of a number, and why. */
export function NotEnoughAnswers({ reason, threshold, compact = false }: NotEnoughAnswersProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="results-not-enough" data-reason={reason ?? undefined}>
      <Group gap={6} wrap="nowrap">
        <IconEyeOff size={16} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text fw={600} size={compact ? 'sm' : 'md'}>
          {t('surveys.results.notEnough')}
        </Text>
      </Group>
      {!compact && (
        <Text size="xs" c="dimmed">
          {reason === 'COMPLEMENTARY'
            ? t('surveys.results.reason.COMPLEMENTARY')
            : t('surveys.results.reason.BELOW_THRESHOLD', { count: threshold })}
        </Text>
      )}
    </Stack>
  );
}
