import { Alert, List } from '@mantine/core';
import { IconLock, IconShieldLock, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Confidentiality } from '../../../gql/graphql';

const ICONS = { ANONYMOUS: IconShieldLock, CONFIDENTIAL: IconLock, ATTRIBUTED: IconSignature } as const;

/** What the survey's confidentiality mode means for the person answering, in plain words. */
export function ConfidentialityNotice({ mode, k }: { mode: Confidentiality; k: number }) {
  const { t } = useTranslation();
  const ModeIcon = ICONS[mode];
  return (
    <Alert
      variant="light"
      color={mode === 'ATTRIBUTED' ? 'orange' : 'teal'}
      icon={<ModeIcon aria-hidden />}
      title={t(`surveys.confidentiality.${mode}.title`)}
      data-testid="survey-confidentiality"
      data-mode={mode}
    >
      <List size="sm" spacing={4}>
        {mode === 'ANONYMOUS' && (
          <>
            <List.Item>{t('surveys.confidentiality.ANONYMOUS.noLink')}</List.Item>
            <List.Item>{t('surveys.confidentiality.ANONYMOUS.keptWith')}</List.Item>
            <List.Item>{t('surveys.confidentiality.ANONYMOUS.batches', { k })}</List.Item>
            <List.Item>{t('surveys.confidentiality.ANONYMOUS.groups', { k })}</List.Item>
          </>
        )}
        {mode === 'CONFIDENTIAL' && (
          <>
            <List.Item>{t('surveys.confidentiality.CONFIDENTIAL.hrOnly')}</List.Item>
            <List.Item>{t('surveys.confidentiality.CONFIDENTIAL.groups', { k })}</List.Item>
          </>
        )}
        {mode === 'ATTRIBUTED' && (
          <>
            <List.Item>{t('surveys.confidentiality.ATTRIBUTED.signed')}</List.Item>
            <List.Item>{t('surveys.confidentiality.ATTRIBUTED.groups', { k })}</List.Item>
          </>
        )}
      </List>
    </Alert>
  );
}
