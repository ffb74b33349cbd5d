import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ServicePickerProps {
  services: readonly { id: string; name: string }[];
  value: string | null;
  onChange(id: string): void;
}

/** Which service's queue or figures to show. */
export function ServicePicker({ services, value, onChange }: ServicePickerProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('desk.queue.service')}
      data={services.map((service) => ({ value: service.id, label: service.name }))}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      w={{ base: '100%', xs: 280 }}
      data-testid="desk-service"
    />
  );
}
