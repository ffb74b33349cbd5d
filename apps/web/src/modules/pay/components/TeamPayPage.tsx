import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IncentiveInputsDocument,
  IncentiveSchemesDocument,
  SetIncentiveInputsDocument,
  TeamIncentivePayoutsDocument,
} from '../../../gql/graphql';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { formatMoney } from '../utils/pay';

/** A manager's team: approved payouts of their line, and the objectives they enter for it. */
export default function TeamPayPage() {
  const { t, i18n } = useTranslation();
  const payouts = useQuery(TeamIncentivePayoutsDocument, {
    variables: { schemeId: null },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('pay.team.title')} description={t('pay.team.description')} />
      <ObjectivesCard />
      <Card withBorder padding="lg">
        <Title order={3} mb="sm">
          {t('pay.team.payouts')}
        </Title>
        {payouts.error && <QueryError error={payouts.error} onRetry={() => void payouts.refetch()} />}
        {payouts.loading && !payouts.data && <PageLoader />}
        {payouts.data && payouts.data.teamIncentivePayouts.length === 0 && (
          <Text c="dimmed">{t('pay.team.none')}</Text>
        )}
        {payouts.data && payouts.data.teamIncentivePayouts.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="team-payouts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pay.team.person')}</Table.Th>
                  <Table.Th>{t('pay.team.team')}</Table.Th>
                  <Table.Th>{t('pay.team.scheme')}</Table.Th>
                  <Table.Th ta="right">{t('pay.team.target')}</Table.Th>
                  <Table.Th ta="right">{t('pay.team.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payouts.data.teamIncentivePayouts.map((p) => (
                  <Table.Tr key={`${p.runId}-${p.personId}`}>
                    <Table.Td>
                      <Link to={`/pay/people/${p.personId}`}>{p.personName}</Link>
                    </Table.Td>
                    <Table.Td>{p.teamName ?? '—'}</Table.Td>
                    <Table.Td>
                      {p.schemeName} · {p.periodStart}
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(p.targetPay, p.currency, i18n.language)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(p.total, p.currency, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

function ObjectivesCard() {
  const { t } = useTranslation();
  const schemes = useQuery(IncentiveSchemesDocument);
  const withObjectives = useMemo(
    () =>
      (schemes.data?.incentiveSchemes ?? []).filter(
        (s) => s.status === 'APPROVED' && s.components.some((c) => c.measure.type === 'OBJECTIVE'),
      ),
    [schemes.data],
  );
  const [schemeId, setSchemeId] = useState<string | null>(null);
  useEffect(() => {
    if (!schemeId && withObjectives[0]) setSchemeId(withObjectives[0].id);
  }, [schemeId, withObjectives]);
  const inputs = useQuery(IncentiveInputsDocument, {
    variables: { schemeId: schemeId ?? '', measureKey: 'objective' },
    skip: !schemeId,
    fetchPolicy: 'cache-and-network',
  });
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    setValues(
      Object.fromEntries((inputs.data?.incentiveInputs ?? []).map((i) => [i.personId, i.value ?? ''])),
    );
  }, [inputs.data]);
  const [save, saving] = useMutation(SetIncentiveInputsDocument);
  const [saved, setSaved] = useState<number | null>(null);
  if (schemes.error) return <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (withObjectives.length === 0) return null;
  const changed = (inputs.data?.incentiveInputs ?? []).filter(
    (i) => (values[i.personId] ?? '') !== (i.value ?? '') && values[i.personId] !== '',
  );
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('pay.team.objectives')}</Title>
        <Select
          aria-label={t('pay.team.scheme')}
          data={withObjectives.map((s) => ({ value: s.id, label: `${s.name} · ${s.periodStart}` }))}
          value={schemeId}
          onChange={setSchemeId}
          allowDeselect={false}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pay.team.objectivesHelp')}
      </Text>
      {saving.error && <Alert color="red">{saving.error.message}</Alert>}
      {saved !== null && !saving.error && (
        <Alert color="teal" mb="sm">
          {t('pay.team.saved', { count: saved })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="objectives">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pay.team.person')}</Table.Th>
              <Table.Th>{t('pay.team.team')}</Table.Th>
              <Table.Th w={180}>{t('pay.team.attainment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(inputs.data?.incentiveInputs ?? []).map((i) => (
              <Table.Tr key={i.personId}>
                <Table.Td>{i.personName}</Table.Td>
                <Table.Td>{i.teamName ?? '—'}</Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('pay.team.attainmentOf', { name: i.personName })}
                    value={values[i.personId] ?? ''}
                    onChange={(v) =>
                      setValues((prev) => ({ ...prev, [i.personId]: v === '' ? '' : String(v) }))
                    }
                    min={0}
                    max={1000}
                    decimalScale={2}
                    suffix=" %"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="sm">
        <Button
          disabled={changed.length === 0 || !schemeId}
          loading={saving.loading}
          onClick={async () => {
            const r = await save({
              variables: {
                schemeId: schemeId!,
                measureKey: 'objective',
                rows: changed.map((i) => ({ personId: i.personId, value: values[i.personId]! })),
              },
            }).catch(() => null);
            if (r?.data) {
              setSaved(r.data.setIncentiveInputs);
              void inputs.refetch();
            }
          }}
        >
          {t('pay.team.save', { count: changed.length })}
        </Button>
      </Group>
    </Card>
  );
}
