import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Things shown beside the title (badges, actions). */
  aside?: ReactNode;
  titleTestId?: string;
}

/** The page's single h1, also used as the tab title. */
export function PageHeader({ title, description, aside, titleTestId }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      <Group align="center" gap="md">
        <Title order={1} data-testid={titleTestId}>
          {title}
        </Title>
        {aside}
      </Group>
      {description && (
        <Text c="dimmed" maw={760}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
