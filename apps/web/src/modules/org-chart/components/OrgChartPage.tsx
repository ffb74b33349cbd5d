import { Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useOrgChart } from '../hooks/useOrgChart';
import { OrgTree } from './OrgTree';

export default function OrgChartPage() {
  const { t } = useTranslation();
  const { tree, loading, error, refetch } = useOrgChart();
  return (
    <>
      <PageHeader title={t('orgChart.title')} description={t('orgChart.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !tree && <PageLoader />}
      {tree && (
        <Card withBorder padding="lg">
          <OrgTree tree={tree} />
        </Card>
      )}
    </>
  );
}
