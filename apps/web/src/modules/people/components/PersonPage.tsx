import { useParams } from 'react-router';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { usePerson } from '../hooks/usePerson';
import { PersonProfile } from './PersonProfile';

export default function PersonPage() {
  const { personId = '' } = useParams();
  const { person, loading, error, refetch } = usePerson(personId);
  if (loading && !person) return <PageLoader />;
  if (error || !person) return <QueryError error={error} onRetry={() => void refetch()} />;
  return <PersonProfile person={person} />;
}
