import { useSession } from '../../../platform/auth/useSession';
import { hasAnyRole } from '../../shell/utils/access';
import { useDeskServices } from './useRequests';

/** Roles that may read a service's figures beside working its queue: its manager (MANAGER) and HR. */
export const DASHBOARD_ROLES = ['HR', 'ADMIN', 'MANAGER'] as const;

/**
 * Whether the viewer works a service desk (`deskServices` not empty), and may open its dashboard.
 * The API does not say the viewer's role per service: managers are told apart by their MANAGER role.
 */
export function useDeskAccess() {
  const { person } = useSession();
  const { services, loading } = useDeskServices(!person);
  const desk = (services?.length ?? 0) > 0;
  return {
    loading: loading && !services,
    services,
    desk,
    dashboard: desk && hasAnyRole(person?.roles, DASHBOARD_ROLES),
  };
}
