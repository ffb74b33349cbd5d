import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricDefinitionsQuery, MetricDirection } from '../../../gql/graphql';
import { useSession } from '../../../platform/auth/useSession';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { ACCESS, hasAnyRole } from '../../shell/utils/access';
import { useMetricDefinitions } from '../hooks/useIntake';
import { useMirrorFormat } from '../hooks/useMirrorFormat';

type Definition = MetricDefinitionsQuery['metricDefinitions'][number];

const SOURCES = ['INTAKE', 'SURVEY', 'DESK', 'PEOPLE', 'AUTONOMY'] as const;
const DIRECTIONS: readonly MetricDirection[] = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];

/** Every metric with its scale and direction (what turns it into a 0-100 score); HR may edit them. */
export function MetricDefinitionsCard() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const { person } = useSession();
  const canEdit = hasAnyRole(person?.roles, ACCESS.metricDefinitions);
  const { definitions, loading, error, refetch } = useMetricDefinitions();
  const [editing, setEditing] = useState<Definition | null>(null);
  const sorted = definitions ? [...definitions].sort((a, b) => a.side.localeCompare(b.side)) : null;
  const sourceLabel = (source: string) =>
    (SOURCES as readonly string[]).includes(source)
      ? t(`mirror.intake.definitions.sources.${source as (typeof SOURCES)[number]}`)
      : source;
  return (
    <Card withBorder padding="lg" data-testid="intake-definitions">
      <Title order={2} size="h4" mb={4}>
        {t('mirror.intake.definitions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('mirror.intake.definitions.description')}
      </Text>
      {!sorted && loading ? (
        <PageLoader />
      ) : !sorted ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mirror.intake.definitions.name')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.definitions.side')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.definitions.source')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.definitions.scale')}</Table.Th>
                <Table.Th scope="col">{t('mirror.intake.definitions.direction')}</Table.Th>
                {canEdit && (
                  <Table.Th scope="col">
                    <Text span size="xs" c="dimmed">
                      {t('mirror.intake.definitions.actions')}
                    </Text>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((definition) => (
                <Table.Tr key={definition.id} data-testid="intake-definition-row" data-key={definition.key}>
                  <Table.Th scope="row" fw={500}>
                    {format.text(definition.name)}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {definition.key}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge
                      variant="light"
                      tt="none"
                      color={definition.side === 'CUSTOMER' ? 'indigo' : 'teal'}
                    >
                      {t(`mirror.side.${definition.side === 'CUSTOMER' ? 'customer' : 'employee'}`, {
                        context,
                      })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{sourceLabel(definition.source)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('mirror.intake.definitions.scaleValue', {
                      min: format.number(definition.scaleMin),
                      max: format.number(definition.scaleMax),
                      unit: definition.unit,
                    })}
                  </Table.Td>
                  <Table.Td>{t(`mirror.intake.definitions.directions.${definition.direction}`)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(definition)}
                        aria-label={t('mirror.intake.definitions.editNamed', {
                          name: format.text(definition.name),
                        })}
                        data-testid="intake-definition-edit"
                      >
                        {t('mirror.intake.definitions.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('mirror.intake.definitions.editTitle', { name: format.text(editing.name) }) : ''}
        centered
      >
        {editing && <DefinitionForm key={editing.id} definition={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}

function DefinitionForm({ definition, onDone }: { definition: Definition; onDone(): void }) {
  const { t } = useTranslation();
  const describeError = useApiErrorMessage();
  const { save, saving } = useMetricDefinitions();
  const [nameEn, setNameEn] = useState(definition.name.en);
  const [nameFr, setNameFr] = useState(definition.name.fr);
  const [unit, setUnit] = useState(definition.unit);
  const [scaleMin, setScaleMin] = useState<number | string>(definition.scaleMin);
  const [scaleMax, setScaleMax] = useState<number | string>(definition.scaleMax);
  const [direction, setDirection] = useState<MetricDirection>(definition.direction);
  const [error, setError] = useState<unknown>(null);
  const min = typeof scaleMin === 'number' ? scaleMin : Number.NaN;
  const max = typeof scaleMax === 'number' ? scaleMax : Number.NaN;
  const scaleProblem = Number.isFinite(min) && Number.isFinite(max) && min >= max;
  const complete =
    Number.isFinite(min) && Number.isFinite(max) && nameEn.trim() !== '' && nameFr.trim() !== '';
  const submit = async () => {
    setError(null);
    try {
      await save(definition.key, {
        nameEn: nameEn.trim(),
        nameFr: nameFr.trim(),
        unit: unit.trim(),
        scaleMin: min,
        scaleMax: max,
        direction,
      });
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (complete && !scaleProblem) void submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('mirror.intake.definitions.nameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('mirror.intake.definitions.nameFr')}
          value={nameFr}
          onChange={(e) => setNameFr(e.currentTarget.value)}
          required
        />
        <Group grow>
          <NumberInput
            label={t('mirror.intake.definitions.scaleMin')}
            value={scaleMin}
            onChange={setScaleMin}
            decimalScale={4}
            required
            data-testid="intake-definition-min"
          />
          <NumberInput
            label={t('mirror.intake.definitions.scaleMax')}
            value={scaleMax}
            onChange={setScaleMax}
            decimalScale={4}
            required
            error={scaleProblem ? t('mirror.intake.definitions.scaleProblem') : undefined}
            data-testid="intake-definition-max"
          />
        </Group>
        <Select
          label={t('mirror.intake.definitions.direction')}
          data={DIRECTIONS.map((value) => ({
            value,
            label: t(`mirror.intake.definitions.directions.${value}`),
          }))}
          value={direction}
          onChange={(value) => value && setDirection(value as MetricDirection)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="intake-definition-direction"
        />
        <TextInput
          label={t('mirror.intake.definitions.unit')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
        />
        {error !== null && (
          <Text c="red" size="sm" role="alert">
            {describeError(error)}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={saving}
            disabled={!complete || scaleProblem}
            data-testid="intake-definition-save"
          >
            {t('mirror.intake.definitions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
