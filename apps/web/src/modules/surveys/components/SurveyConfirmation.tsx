import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Confidentiality } from '../../../gql/graphql';
import { usePageTitle } from '../../shell/hooks/usePageTitle';

/** Shown once the answers are stored; the heading takes the focus so screen readers announce it. */
export function SurveyConfirmation({
  title,
  confidentiality,
}: {
  title: string;
  confidentiality: Confidentiality;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('surveys.confirmation.title'));
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Card withBorder padding="xl" maw={720} data-testid="survey-confirmation" role="status">
      <Stack gap="md" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" size={44} radius="xl" aria-hidden>
            <IconCircleCheck size={28} />
          </ThemeIcon>
          <Title order={1} size="h2" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('surveys.confirmation.title')}
          </Title>
        </Group>
        <Text>{t('surveys.confirmation.body', { title })}</Text>
        <Text c="dimmed" size="sm">
          {t(`surveys.confirmation.${confidentiality}`)}
        </Text>
        <Button component={Link} to="/surveys/mine" variant="light" data-testid="survey-back-to-list">
          {t('surveys.confirmation.back')}
        </Button>
      </Stack>
    </Card>
  );
}
