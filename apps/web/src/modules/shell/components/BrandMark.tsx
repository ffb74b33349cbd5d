import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 40 : 30} radius="xl" variant="filled" aria-hidden>
        <IconArrowsLeftRight size={size === 'lg' ? 22 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 24 : 18}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
