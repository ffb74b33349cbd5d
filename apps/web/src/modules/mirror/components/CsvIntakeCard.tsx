import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileTypeCsv,
  IconUpload,
} from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shell/components/QueryError';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { downloadText } from '../../admin/utils/download';
import { readCsvFile, MAX_CSV_BYTES, type CsvFileProblem } from '../../admin/utils/csv-file';
import { useCustomerCsvIntake } from '../hooks/useIntake';
import { useMirrorFormat } from '../hooks/useMirrorFormat';
import { CSV_COLUMNS, CUSTOMER_METRIC_KEYS, intakeTemplateCsv, periodStartOf } from '../utils/mirror';

/** Paste, pick or drop a CSV; validate it (row-by-row report); apply it only once it is valid. */
export function CsvIntakeCard() {
  const { t } = useTranslation();
  const { context } = useVocabulary();
  const format = useMirrorFormat();
  const intake = useCustomerCsvIntake();
  const [picked, setPicked] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<CsvFileProblem | null>(null);
  const [dragging, setDragging] = useState(false);

  const load = async (file: File | null) => {
    setPicked(file);
    setFileProblem(null);
    if (!file) return;
    const read = await readCsvFile(file);
    if ('problem' in read) setFileProblem(read.problem);
    else intake.setCsv(read.text);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0] ?? null);
  };
  const { state } = intake;
  const problems = state.step === 'validated' ? state.result.problems : [];

  return (
    <Card withBorder padding="lg" data-testid="intake-csv">
      <Title order={2} size="h4" mb="sm">
        {t('mirror.intake.csv.title')}
      </Title>
      <List size="sm" spacing={4} mb="md" c="dimmed">
        <List.Item>
          {t('mirror.intake.csv.columns')} <Code>{CSV_COLUMNS.join(',')}</Code>
        </List.Item>
        <List.Item>{t('mirror.intake.csv.team')}</List.Item>
        <List.Item>
          {t('mirror.intake.csv.metric', { context })} <Code>{CUSTOMER_METRIC_KEYS.join(', ')}</Code>
        </List.Item>
        <List.Item>{t('mirror.intake.csv.period')}</List.Item>
        <List.Item>{t('mirror.intake.csv.value')}</List.Item>
      </List>
      <Button
        variant="default"
        size="xs"
        mb="md"
        leftSection={<IconDownload size={14} aria-hidden />}
        onClick={() =>
          downloadText(
            'customer-figures-template.csv',
            intakeTemplateCsv(t('mirror.intake.csv.templateTeam'), periodStartOf('MONTH', new Date())),
          )
        }
        data-testid="intake-template"
      >
        {t('mirror.intake.csv.template')}
      </Button>
      <Paper
        withBorder
        p="md"
        radius="md"
        style={{
          borderStyle: 'dashed',
          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="intake-drop-zone"
      >
        <Group align="flex-end" gap="md" mb="sm">
          <FileInput
            label={t('mirror.intake.csv.file')}
            placeholder={t('mirror.intake.csv.filePlaceholder')}
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={18} aria-hidden />}
            value={picked}
            onChange={(file) => void load(file)}
            description={t('mirror.intake.csv.drop', { size: format.number(MAX_CSV_BYTES / 1024 / 1024) })}
            error={fileProblem ? t(`mirror.intake.csv.fileProblem.${fileProblem}`) : undefined}
            clearable
            style={{ flex: '1 1 320px' }}
            data-testid="intake-csv-file"
          />
        </Group>
        <Textarea
          label={t('mirror.intake.csv.text')}
          placeholder={`${CSV_COLUMNS.join(',')}\n…`}
          value={intake.csv}
          onChange={(event) => intake.setCsv(event.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={16}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="intake-csv-input"
        />
      </Paper>
      <Group mt="md" gap="sm">
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => void intake.validate()}
          disabled={intake.csv.trim() === ''}
          loading={intake.busy && !intake.canApply}
          data-testid="intake-validate"
        >
          {t('mirror.intake.csv.validate')}
        </Button>
        <Button
          color="teal"
          onClick={() => void intake.apply()}
          disabled={!intake.canApply}
          loading={intake.busy && intake.canApply}
          data-testid="intake-apply"
        >
          {t('mirror.intake.csv.apply')}
        </Button>
      </Group>
      {intake.error !== null && (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <QueryError error={intake.error} />
        </div>
      )}
      {state.step === 'validated' && state.csv !== intake.csv && (
        <Text size="sm" c="orange.8" mt="sm" role="status">
          {t('mirror.intake.csv.changed')}
        </Text>
      )}
      {state.step === 'validated' && state.result.valid && (
        <Alert
          mt="md"
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          role="status"
          data-testid="intake-report"
          data-valid="true"
        >
          {t('mirror.intake.csv.valid', { count: state.result.rows, rows: format.number(state.result.rows) })}
        </Alert>
      )}
      {state.step === 'validated' && !state.result.valid && (
        <Alert
          mt="md"
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('mirror.intake.csv.invalid', { count: problems.length })}
          role="alert"
          data-testid="intake-report"
          data-valid="false"
        >
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm" verticalSpacing={4} withTableBorder bg="var(--mantine-color-body)">
              <caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('mirror.intake.csv.reportCaption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mirror.intake.csv.line')}</Table.Th>
                  <Table.Th scope="col">{t('mirror.intake.csv.column')}</Table.Th>
                  <Table.Th scope="col">{t('mirror.intake.csv.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((problem, index) => (
                  <Table.Tr
                    key={`${problem.line}-${problem.field}-${index}`}
                    data-testid="intake-report-row"
                    data-line={problem.line}
                    data-field={problem.field}
                  >
                    <Table.Td>{format.number(problem.line)}</Table.Td>
                    <Table.Td>
                      <Code>{problem.field}</Code>
                    </Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      )}
      {state.step === 'applied' && (
        <Alert
          mt="md"
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('mirror.intake.csv.applied')}
          role="status"
          data-testid="intake-result"
        >
          <Text mb="xs">
            {t('mirror.intake.csv.appliedSummary', {
              inserted: format.number(state.result.inserted),
              updated: format.number(state.result.updated),
              unchanged: format.number(state.result.unchanged),
            })}
          </Text>
          <Anchor component={Link} to="/mirror" data-testid="intake-open-mirror">
            {t('mirror.intake.csv.openMirror')}
          </Anchor>
        </Alert>
      )}
    </Card>
  );
}
