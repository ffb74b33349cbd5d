import { IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from './StatusPage';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapSearch aria-hidden />}
      title={t('notFound.title')}
      description={t('notFound.body')}
    />
  );
}
