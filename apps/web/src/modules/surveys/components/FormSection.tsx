import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface FormSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
  testId?: string;
}

/** A titled group of fields (a fieldset with its legend). */
export function FormSection({ title, description, children, testId }: FormSectionProps) {
  return (
    <Card
      withBorder
      padding="lg"
      component="fieldset"
      style={{ margin: 0, minWidth: 0 }}
      data-testid={testId}
    >
      <Title order={2} size="h4" component="legend" style={{ float: 'left', width: '100%' }}>
        {title}
      </Title>
      <Stack gap="md" style={{ clear: 'both' }} pt="sm">
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}
