import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Role } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { hasAnyRole } from '../utils/access';
import { StatusPage } from './StatusPage';

/** Restricted pages: a person without one of the roles gets an explanation, not the page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const { person } = useSession();
  if (!hasAnyRole(person?.roles, roles)) {
    return (
      <StatusPage
        icon={<IconLock aria-hidden />}
        title={t('forbidden.title')}
        description={t('forbidden.body')}
      />
    );
  }
  return <Outlet />;
}
