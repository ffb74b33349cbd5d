import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoader } from '../../shell/components/PageLoader';
import { StatusPage } from '../../shell/components/StatusPage';
import { useDeskAccess } from '../hooks/useDeskAccess';

/** The desk pages: for people who work a service's queue (and, for the dashboard, its manager or HR). */
export function RequireDesk({ dashboard = false }: { dashboard?: boolean }) {
  const { t } = useTranslation();
  const access = useDeskAccess();
  if (access.loading) return <PageLoader />;
  if (dashboard ? !access.dashboard : !access.desk) {
    return (
      <StatusPage
        icon={<IconLock aria-hidden />}
        title={t('forbidden.title')}
        description={t('desk.forbidden')}
      />
    );
  }
  return <Outlet />;
}
