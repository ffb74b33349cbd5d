import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmApplyModalProps {
  opened: boolean;
  rows: number;
  skipped: number;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmApplyModal({ opened, rows, skipped, onCancel, onConfirm }: ConfirmApplyModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('import.confirm.title')} centered>
      <Text mb="sm">{t('import.confirm.body', { count: rows })}</Text>
      {skipped > 0 && (
        <Text mb="sm" c="orange.8">
          {t('import.confirm.skipped', { count: skipped })}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} data-testid="import-confirm">
          {t('import.confirm.action')}
        </Button>
      </Group>
    </Modal>
  );
}
