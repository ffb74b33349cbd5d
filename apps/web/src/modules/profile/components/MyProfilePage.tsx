import { useSession } from '../../../platform/auth/useSession';
import { PersonProfile } from '../../people/components/PersonProfile';
import { usePerson } from '../../people/hooks/usePerson';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { PreferencesCard } from './PreferencesCard';

/** One's own person page, plus preferences. */
export default function MyProfilePage() {
  const { person: me } = useSession();
  const { person, loading, error, refetch } = usePerson(me?.id ?? '');
  if (loading && !person) return <PageLoader />;
  if (error || !person) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <PersonProfile person={person} aside={<PreferencesCard />} />;
}
