import { LineChart } from '@mantine/charts';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  IncentiveSchemeInput,
  PaySchemeOptionsQuery,
  SchemeComponentInput,
  SchemeGateInput,
} from '../../../gql/graphql';
import { localized } from '../../surveys/utils/localized';
import { curvePoints, newComponent, weightSum } from '../utils/pay';

type Options = PaySchemeOptionsQuery;

const num = (v: string | number) => (v === '' ? '' : String(v));

/** The scheme designer: period, population, target bonus, components with a live curve, gates. */
export function SchemeForm({
  value,
  onChange,
  options,
  readOnly,
}: {
  value: IncentiveSchemeInput;
  onChange: (next: IncentiveSchemeInput) => void;
  options: Options;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<IncentiveSchemeInput>) => onChange({ ...value, ...patch });
  const setComponent = (i: number, patch: Partial<SchemeComponentInput>) =>
    set({ components: value.components.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setGate = (i: number, patch: Partial<SchemeGateInput>) =>
    set({ gates: value.gates.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const metrics = options.metricDefinitions.map((m) => ({
    value: m.key,
    label: localized(m.name, i18n.language),
  }));
  const sum = weightSum(value.components);
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={3} mb="sm">
          {t('pay.design.general')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('pay.design.name')}
            value={value.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            readOnly={readOnly}
            required
            data-testid="scheme-name"
          />
          <Group grow>
            <Select
              label={t('pay.design.periodKind')}
              data={(['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const).map((k) => ({
                value: k,
                label: t(`pay.periodKind.${k}`),
              }))}
              value={value.periodKind}
              onChange={(v) => v && set({ periodKind: v as IncentiveSchemeInput['periodKind'] })}
              readOnly={readOnly}
              allowDeselect={false}
            />
            <TextInput
              label={t('pay.design.periodStart')}
              type="date"
              value={value.periodStart}
              onChange={(e) => set({ periodStart: e.currentTarget.value })}
              readOnly={readOnly}
              data-testid="scheme-period-start"
            />
          </Group>
          <Textarea
            label={t('pay.design.descriptionLabel')}
            value={value.description ?? ''}
            onChange={(e) => set({ description: e.currentTarget.value })}
            readOnly={readOnly}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('pay.design.teams')}
            data={options.teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            value={value.population.teamIds}
            onChange={(teamIds) => set({ population: { ...value.population, teamIds } })}
            readOnly={readOnly}
            searchable
            data-testid="scheme-teams"
          />
          <MultiSelect
            label={t('pay.design.positions')}
            data={options.positions.map((p) => ({ value: p.id, label: p.title }))}
            value={value.population.positionIds}
            onChange={(positionIds) => set({ population: { ...value.population, positionIds } })}
            readOnly={readOnly}
            searchable
          />
          <Group grow align="flex-end">
            <Select
              label={t('pay.design.targetMode')}
              data={[
                { value: 'PERCENT_OF_BASE', label: t('pay.design.percentOfBase') },
                { value: 'FIXED', label: t('pay.design.fixed') },
              ]}
              value={value.targetBonus.mode}
              onChange={(mode) =>
                mode &&
                set({ targetBonus: { ...value.targetBonus, mode: mode as 'FIXED' | 'PERCENT_OF_BASE' } })
              }
              readOnly={readOnly}
              allowDeselect={false}
            />
            <TextInput
              label={
                value.targetBonus.mode === 'FIXED'
                  ? t('pay.design.targetAmount')
                  : t('pay.design.targetPercent')
              }
              value={value.targetBonus.value}
              onChange={(e) => set({ targetBonus: { ...value.targetBonus, value: e.currentTarget.value } })}
              readOnly={readOnly}
              inputMode="decimal"
              data-testid="scheme-target"
            />
          </Group>
          <Group grow align="flex-end">
            <TextInput
              label={t('pay.design.budget')}
              description={t('pay.design.budgetHelp')}
              value={value.budget ?? ''}
              onChange={(e) =>
                set({ budget: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value })
              }
              readOnly={readOnly}
              inputMode="decimal"
            />
            <TextInput
              label={t('pay.design.currency')}
              value={value.currency}
              onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
              readOnly={readOnly}
              maxLength={3}
            />
          </Group>
          <Group grow align="flex-end">
            <NumberInput
              label={t('pay.design.minimumDays')}
              value={value.minimumEligibleDays}
              onChange={(v) => set({ minimumEligibleDays: Number(v) || 0 })}
              min={0}
              max={366}
              readOnly={readOnly}
            />
            <Switch
              label={t('pay.design.prorateByFte')}
              checked={value.prorateByFte}
              onChange={(e) => set({ prorateByFte: e.currentTarget.checked })}
              disabled={readOnly}
            />
          </Group>
          <Group grow align="flex-end">
            <Select
              label={t('pay.design.fallback')}
              description={t('pay.design.fallbackHelp')}
              data={[
                { value: 'TARGET', label: t('pay.design.fallbackTarget') },
                { value: 'ZERO', label: t('pay.design.fallbackZero') },
              ]}
              value={value.fallback}
              onChange={(v) => v && set({ fallback: v as 'TARGET' | 'ZERO' })}
              readOnly={readOnly}
              allowDeselect={false}
            />
            <NumberInput
              label={t('pay.design.minimumAnswers')}
              value={value.minimumAnswers}
              onChange={(v) => set({ minimumAnswers: Number(v) || 0 })}
              min={0}
              readOnly={readOnly}
            />
          </Group>
        </SimpleGrid>
      </Card>

      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('pay.design.components')}</Title>
          <Badge color={sum === 100 ? 'teal' : 'red'} variant="light" data-testid="weight-sum">
            {t('pay.design.weightSum', { sum })}
          </Badge>
        </Group>
        <Stack gap="lg">
          {value.components.map((c, i) => (
            <ComponentEditor
              key={i}
              component={c}
              metrics={metrics}
              readOnly={readOnly}
              onChange={(patch) => setComponent(i, patch)}
              onRemove={
                value.components.length > 1
                  ? () => set({ components: value.components.filter((_, j) => j !== i) })
                  : undefined
              }
              index={i}
            />
          ))}
        </Stack>
        {!readOnly && (
          <Button
            mt="md"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set({ components: [...value.components, newComponent(value.components.length)] })}
            data-testid="add-component"
          >
            {t('pay.design.addComponent')}
          </Button>
        )}
      </Card>

      <Card withBorder padding="lg">
        <Title order={3} mb="xs">
          {t('pay.design.gates')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('pay.design.gatesHelp')}
        </Text>
        <Stack>
          {value.gates.map((g, i) => (
            <Group key={i} align="flex-end" wrap="wrap">
              <TextInput
                label={t('pay.design.gateLabel')}
                value={g.labelEn}
                onChange={(e) =>
                  setGate(i, { labelEn: e.currentTarget.value, labelFr: e.currentTarget.value })
                }
                readOnly={readOnly}
              />
              <Select
                label={t('pay.design.metric')}
                data={metrics}
                value={g.measure.metricKey ?? null}
                onChange={(metricKey) =>
                  setGate(i, { measure: { type: 'TEAM_METRIC', metricKey, uploadKey: null } })
                }
                readOnly={readOnly}
                searchable
              />
              <Select
                label={t('pay.design.operator')}
                w={90}
                data={[
                  { value: 'GTE', label: '≥' },
                  { value: 'GT', label: '>' },
                  { value: 'LTE', label: '≤' },
                  { value: 'LT', label: '<' },
                ]}
                value={g.operator}
                onChange={(op) => op && setGate(i, { operator: op as SchemeGateInput['operator'] })}
                readOnly={readOnly}
                allowDeselect={false}
              />
              <TextInput
                label={t('pay.design.threshold')}
                w={100}
                value={g.threshold}
                onChange={(e) => setGate(i, { threshold: e.currentTarget.value })}
                readOnly={readOnly}
              />
              <Select
                label={t('pay.design.zeroes')}
                data={[
                  { value: '', label: t('pay.design.wholePayout') },
                  ...value.components.map((c) => ({ value: c.id, label: c.labelEn || c.id })),
                ]}
                value={g.componentId ?? ''}
                onChange={(v) => setGate(i, { componentId: v ? v : null })}
                readOnly={readOnly}
                allowDeselect={false}
              />
              {!readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('pay.design.removeGate')}
                  onClick={() => set({ gates: value.gates.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        {!readOnly && (
          <Button
            mt="md"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              set({
                gates: [
                  ...value.gates,
                  {
                    id: `gate-${value.gates.length + 1}`,
                    labelEn: '',
                    labelFr: '',
                    measure: { type: 'TEAM_METRIC', metricKey: 'customer_csat', uploadKey: null },
                    operator: 'GTE',
                    threshold: '70',
                    componentId: null,
                  },
                ],
              })
            }
          >
            {t('pay.design.addGate')}
          </Button>
        )}
      </Card>
    </Stack>
  );
}

function ComponentEditor({
  component: c,
  metrics,
  readOnly,
  onChange,
  onRemove,
  index,
}: {
  component: SchemeComponentInput;
  metrics: { value: string; label: string }[];
  readOnly: boolean;
  onChange: (patch: Partial<SchemeComponentInput>) => void;
  onRemove?: () => void;
  index: number;
}) {
  const { t } = useTranslation();
  const curve = c.curve;
  const setCurve = (patch: Partial<SchemeComponentInput['curve']>) =>
    onChange({ curve: { ...curve, ...patch } });
  const points = curvePoints(curve);
  return (
    <div data-testid={`component-${index}`}>
      {index > 0 && <Divider mb="md" />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="xs">
          <Group grow>
            <TextInput
              label={t('pay.design.componentLabel')}
              value={c.labelEn}
              onChange={(e) =>
                onChange({ labelEn: e.currentTarget.value, labelFr: c.labelFr || e.currentTarget.value })
              }
              readOnly={readOnly}
              data-testid="component-label"
            />
            <TextInput
              label={t('pay.design.componentLabelFr')}
              value={c.labelFr}
              onChange={(e) => onChange({ labelFr: e.currentTarget.value })}
              readOnly={readOnly}
            />
          </Group>
          <Group grow align="flex-end">
            <SegmentedControl
              value={c.kind}
              onChange={(kind) =>
                onChange(
                  kind === 'COLLECTIVE'
                    ? {
                        kind: 'COLLECTIVE',
                        split: 'TEAM',
                        measure: {
                          type: 'TEAM_METRIC',
                          metricKey: c.measure.metricKey ?? 'customer_csat',
                          uploadKey: null,
                        },
                      }
                    : { kind: 'INDIVIDUAL', split: null },
                )
              }
              data={[
                { value: 'INDIVIDUAL', label: t('pay.kind.INDIVIDUAL') },
                { value: 'COLLECTIVE', label: t('pay.kind.COLLECTIVE') },
              ]}
              disabled={readOnly}
              aria-label={t('pay.design.kind')}
            />
            <TextInput
              label={t('pay.design.weight')}
              value={c.weightPercent}
              onChange={(e) => onChange({ weightPercent: e.currentTarget.value })}
              readOnly={readOnly}
              rightSection="%"
              inputMode="decimal"
              data-testid="component-weight"
            />
          </Group>
          {c.kind === 'COLLECTIVE' ? (
            <Group grow>
              <Select
                label={t('pay.design.metric')}
                data={metrics}
                value={c.measure.metricKey ?? null}
                onChange={(metricKey) =>
                  onChange({ measure: { type: 'TEAM_METRIC', metricKey, uploadKey: null } })
                }
                readOnly={readOnly}
                searchable
              />
              <Select
                label={t('pay.design.split')}
                data={(['TEAM', 'POOL_EQUAL', 'POOL_FTE', 'POOL_BASE_SALARY'] as const).map((s) => ({
                  value: s,
                  label: t(`pay.split.${s}`),
                }))}
                value={c.split ?? 'TEAM'}
                onChange={(split) => split && onChange({ split: split as SchemeComponentInput['split'] })}
                readOnly={readOnly}
                allowDeselect={false}
              />
            </Group>
          ) : (
            <Group grow>
              <Select
                label={t('pay.design.measure')}
                data={(['OBJECTIVE', 'TRAINING_HOURS', 'UPLOAD', 'TEAM_METRIC'] as const).map((m) => ({
                  value: m,
                  label: t(`pay.measure.${m}`),
                }))}
                value={c.measure.type}
                onChange={(type) =>
                  type &&
                  onChange({
                    measure: {
                      type: type as SchemeComponentInput['measure']['type'],
                      metricKey: type === 'TEAM_METRIC' ? 'customer_csat' : null,
                      uploadKey: type === 'UPLOAD' ? 'figure' : null,
                    },
                  })
                }
                readOnly={readOnly}
                allowDeselect={false}
              />
              {c.measure.type === 'TEAM_METRIC' && (
                <Select
                  label={t('pay.design.metric')}
                  data={metrics}
                  value={c.measure.metricKey ?? null}
                  onChange={(metricKey) => onChange({ measure: { ...c.measure, metricKey } })}
                  readOnly={readOnly}
                />
              )}
              {c.measure.type === 'UPLOAD' && (
                <TextInput
                  label={t('pay.design.uploadKey')}
                  value={c.measure.uploadKey ?? ''}
                  onChange={(e) => onChange({ measure: { ...c.measure, uploadKey: e.currentTarget.value } })}
                  readOnly={readOnly}
                />
              )}
            </Group>
          )}
          <SimpleGrid cols={3}>
            <TextInput
              label={t('pay.design.thresholdX')}
              value={curve.threshold.x}
              onChange={(e) => setCurve({ threshold: { ...curve.threshold, x: e.currentTarget.value } })}
              readOnly={readOnly}
              data-testid="curve-threshold"
            />
            <TextInput
              label={t('pay.design.targetX')}
              value={curve.target}
              onChange={(e) => setCurve({ target: e.currentTarget.value })}
              readOnly={readOnly}
              data-testid="curve-target"
            />
            <TextInput
              label={t('pay.design.capX')}
              value={curve.cap.x}
              onChange={(e) => setCurve({ cap: { ...curve.cap, x: e.currentTarget.value } })}
              readOnly={readOnly}
              data-testid="curve-cap"
            />
            <TextInput
              label={t('pay.design.thresholdPay')}
              value={curve.threshold.payoutPercent}
              onChange={(e) =>
                setCurve({ threshold: { ...curve.threshold, payoutPercent: e.currentTarget.value } })
              }
              readOnly={readOnly}
              rightSection="%"
            />
            <TextInput label={t('pay.design.targetPay')} value="100" readOnly rightSection="%" />
            <TextInput
              label={t('pay.design.capPay')}
              value={curve.cap.payoutPercent}
              onChange={(e) => setCurve({ cap: { ...curve.cap, payoutPercent: e.currentTarget.value } })}
              readOnly={readOnly}
              rightSection="%"
            />
          </SimpleGrid>
          {onRemove && !readOnly && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={onRemove}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('pay.design.removeComponent')}
            </Button>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('pay.curve.title')}
          </Text>
          <LineChart
            h={220}
            data={points.map((p) => ({ x: num(p.x), payout: p.payout }))}
            dataKey="x"
            series={[{ name: 'payout', label: t('pay.curve.payout'), color: 'indigo.6' }]}
            unit=" %"
            curveType="linear"
            data-testid="curve-preview"
            referenceLines={[{ y: 100, color: 'gray.5', label: t('pay.curve.target') }]}
          />
        </Stack>
      </SimpleGrid>
    </div>
  );
}
