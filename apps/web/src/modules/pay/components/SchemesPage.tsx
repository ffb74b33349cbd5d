import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, EmptyState, Stack, Table } from '@mantine/core';
import { IconCoin, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IncentiveSchemesDocument } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { formatMoney } from '../utils/pay';

export const SCHEME_STATUS_COLOR: Record<string, string> = {
  DRAFT: 'gray',
  UNDER_REVIEW: 'orange',
  APPROVED: 'teal',
  CLOSED: 'dark',
};

/** HR: every incentive scheme, by period, with its version and where it stands. */
export default function SchemesPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(IncentiveSchemesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('pay.schemes.title')}
        description={t('pay.schemes.description')}
        aside={
          <Button
            component={Link}
            to="/pay/schemes/new"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="new-scheme"
          >
            {t('pay.schemes.new')}
          </Button>
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !data && <PageLoader />}
      {data && data.incentiveSchemes.length === 0 && (
        <Card withBorder>
          <EmptyState py="xl" icon={<IconCoin aria-hidden />} title={t('pay.schemes.empty')} />
        </Card>
      )}
      {data && data.incentiveSchemes.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover data-testid="schemes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pay.schemes.name')}</Table.Th>
                  <Table.Th>{t('pay.schemes.period')}</Table.Th>
                  <Table.Th>{t('pay.schemes.status')}</Table.Th>
                  <Table.Th ta="right">{t('pay.schemes.people')}</Table.Th>
                  <Table.Th ta="right">{t('pay.schemes.budget')}</Table.Th>
                  <Table.Th>{t('pay.schemes.designedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.incentiveSchemes.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Link to={`/pay/schemes/${s.id}`}>
                        {s.name} · v{s.version}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      {t(`pay.periodKind.${s.periodKind}`)} {s.periodStart} → {s.periodEnd}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={SCHEME_STATUS_COLOR[s.status]} variant="light">
                        {t(`pay.schemeStatus.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{s.populationSize}</Table.Td>
                    <Table.Td ta="right">
                      {s.budget ? formatMoney(s.budget, s.currency, i18n.language) : '—'}
                    </Table.Td>
                    <Table.Td>{s.designedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
