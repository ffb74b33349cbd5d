import { useQuery } from '@apollo/client/react';
import { Card, EmptyState, Stack } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { IncentiveStatementsDocument } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { StatementCard } from './StatementCard';

/**
 * "My variable pay": the viewer's statements (or, at /pay/people/:personId, someone's in the
 * viewer's reporting line, for a manager; anyone's, for HR — the API decides).
 */
export default function MyPayPage() {
  const { t } = useTranslation();
  const { personId } = useParams();
  const { person } = useSession();
  const own = !personId || personId === person?.id;
  const { data, loading, error, refetch } = useQuery(IncentiveStatementsDocument, {
    variables: { personId: personId ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const statements = data?.incentiveStatements;
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={own ? t('pay.mine.title') : t('pay.mine.titleOf', { name: statements?.[0]?.personName ?? '' })}
        description={t('pay.mine.description')}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !data && <PageLoader />}
      {statements && statements.length === 0 && (
        <Card withBorder>
          <EmptyState
            py="xl"
            icon={<IconCoin aria-hidden />}
            title={t('pay.mine.empty')}
            description={t('pay.mine.emptyBody')}
          />
        </Card>
      )}
      {statements?.map((s) => (
        <StatementCard key={s.runId} statement={s} canDispute={own} onDisputed={() => void refetch()} />
      ))}
    </Stack>
  );
}
