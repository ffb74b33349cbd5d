import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useOrganizationSettingsQuery } from '../hooks/useOrganizationSettings';
import { toFormValues } from '../utils/organization-settings';
import { SettingsForm } from './SettingsForm';

export default function OrganizationSettingsPage() {
  const { t } = useTranslation();
  const { organization, loading, error, refetch } = useOrganizationSettingsQuery();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !organization && <PageLoader />}
      {organization && <SettingsForm key={organization.id} initial={toFormValues(organization)} />}
    </>
  );
}
