import '@mantine/charts/styles.css';
import { useMutation, useQuery } from '@apollo/client/react';
import { LineChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionRightsDocument, ReviewTeamsDocument, SetDecisionRightDocument } from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { amountValue, widestLimit } from '../utils/figures';
import { ApiErrorAlert, useDevFormat } from './DevUi';

/** Decision rights of a team and its positions: current limits, their history, and a new version. */
export default function RightsPage() {
  const { t } = useTranslation();
  const f = useDevFormat();
  const teams = useQuery(ReviewTeamsDocument);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [history, setHistory] = useState(true);
  const id = teamId ?? teams.data?.developmentReviewTeams[0]?.id ?? null;
  const q = useQuery(DecisionRightsDocument, { variables: { teamId: id, history }, skip: !id });
  const rights = q.data?.decisionRights ?? [];
  const [typeId, setTypeId] = useState<string | null>(null);
  const [limit, setLimit] = useState('');
  const [note, setNote] = useState('');
  const [set, state] = useMutation(SetDecisionRightDocument);
  // Leeway over time: each type's widest limit at each change.
  const chart = useMemo(() => {
    const dates = [...new Set(rights.map((r) => r.validFrom.slice(0, 10)))].sort();
    const types = [...new Set(rights.map((r) => r.decisionTypeName))];
    return {
      types,
      data: dates.map((d) => {
        const row: Record<string, string | number | null> = { date: f.date(d) };
        for (const type of types) {
          const active = rights.filter(
            (r) =>
              r.decisionTypeName === type &&
              r.validFrom.slice(0, 10) <= d &&
              (!r.validTo || r.validTo.slice(0, 10) > d),
          );
          // A chart point only: the widest limit picked in decimals, plotted as a number.
          const widest = widestLimit(active.map((r) => r.limitAmount ?? '0'));
          row[type] = widest ? Number(widest) : null;
        }
        return row;
      }),
    };
  }, [rights, f]);
  const colors = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6'];
  return (
    <Stack gap="lg">
      <PageHeader title={t('development.rights.title')} description={t('development.rights.description')} />
      <Group>
        <Select
          label={t('development.common.team')}
          searchable
          data={(teams.data?.developmentReviewTeams ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={id}
          onChange={setTeamId}
        />
        <Switch
          label={t('development.rights.history')}
          checked={history}
          onChange={(e) => setHistory(e.currentTarget.checked)}
          mt="lg"
        />
      </Group>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {chart.data.length > 1 && (
        <Card withBorder padding="md">
          <Text fw={600} mb="xs">
            {t('development.rights.leeway')}
          </Text>
          <LineChart
            h={220}
            data={chart.data}
            dataKey="date"
            curveType="step"
            withLegend
            connectNulls
            series={chart.types.map((name, i) => ({ name, color: colors[i % colors.length]! }))}
          />
        </Card>
      )}
      <Card withBorder padding="lg">
        <Table striped data-testid="rights">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('development.decisions.type')}</Table.Th>
              <Table.Th>{t('development.rights.scope')}</Table.Th>
              <Table.Th>{t('development.rights.limit')}</Table.Th>
              <Table.Th>{t('development.rights.above')}</Table.Th>
              <Table.Th>{t('development.rights.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rights.map((r) => (
              <Table.Tr key={r.id} style={{ opacity: r.validTo ? 0.6 : 1 }}>
                <Table.Td>{r.decisionTypeName}</Table.Td>
                <Table.Td>{r.positionTitle ?? r.teamName}</Table.Td>
                <Table.Td>
                  {r.limitAmount === null ? t('development.decisions.noLimit') : f.decimal(r.limitAmount)}
                </Table.Td>
                <Table.Td>{r.aboveNote || t('development.rights.levels', { count: r.aboveLevels })}</Table.Td>
                <Table.Td>
                  {f.date(r.validFrom)} →{' '}
                  {r.validTo ? f.date(r.validTo) : <Badge size="xs">{t('development.rights.current')}</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {id && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('development.rights.widen')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('development.decisions.type')}
              data={(q.data?.decisionTypes ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={typeId}
              onChange={setTypeId}
            />
            <TextInput
              label={t('development.rights.limit')}
              inputMode="decimal"
              value={limit}
              onChange={(e) => setLimit(e.currentTarget.value)}
            />
            <TextInput
              label={t('development.rights.above')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button
              onClick={() =>
                void set({
                  variables: {
                    input: {
                      decisionTypeId: typeId ?? '',
                      teamId: id,
                      limitAmount: amountValue(limit),
                      aboveNote: note,
                    },
                  },
                })
                  .then(() => q.refetch())
                  .catch(() => undefined)
              }
            >
              {t('development.common.save')}
            </Button>
          </Group>
          <ApiErrorAlert error={state.error} />
        </Card>
      )}
    </Stack>
  );
}
