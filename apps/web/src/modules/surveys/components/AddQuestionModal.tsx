import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionType } from '../../../gql/graphql';
import {
  DEFAULT_FREE_TEXT_LENGTH,
  nextQuestionId,
  parseOptionLines,
  QUESTION_TYPES,
  type SurveyQuestion,
} from '../utils/questions';
import { STANDARD_DRIVERS } from '../utils/results';

interface AddQuestionModalProps {
  opened: boolean;
  existing: readonly SurveyQuestion[];
  onClose(): void;
  onAdd(question: SurveyQuestion): void;
}

const SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  LIKERT_5: { min: 1, max: 5 },
  CSAT_1_5: { min: 1, max: 5 },
  CES_1_7: { min: 1, max: 7 },
  NPS_0_10: { min: 0, max: 10 },
};

type Problem = 'required' | 'options' | 'length';

/** A new question, written in English and French; the API validates it again when the questions are saved. */
export function AddQuestionModal({ opened, existing, onClose, onAdd }: AddQuestionModalProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<QuestionType>('LIKERT_5');
  const [en, setEn] = useState('');
  const [fr, setFr] = useState('');
  const [required, setRequired] = useState(true);
  const [driver, setDriver] = useState<string | null>(null);
  const [optionLines, setOptionLines] = useState('');
  const [maxLength, setMaxLength] = useState<number>(DEFAULT_FREE_TEXT_LENGTH);
  const [problems, setProblems] = useState<Partial<Record<'en' | 'fr' | 'options' | 'maxLength', Problem>>>(
    {},
  );
  const isChoice = type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE';

  const reset = () => {
    setEn('');
    setFr('');
    setDriver(null);
    setOptionLines('');
    setRequired(true);
    setProblems({});
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const options = isChoice ? parseOptionLines(optionLines) : null;
    const found: typeof problems = {};
    if (en.trim() === '') found.en = 'required';
    if (fr.trim() === '') found.fr = 'required';
    if (options && options.length < 2) found.options = 'options';
    if (type === 'FREE_TEXT' && !(Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 10_000))
      found.maxLength = 'length';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const scale = SCALES[type];
    onAdd({
      id: nextQuestionId(existing),
      type,
      required,
      driver: type === 'LIKERT_5' ? driver : null,
      text: { en: en.trim(), fr: fr.trim() },
      maxLength: type === 'FREE_TEXT' ? maxLength : null,
      minSelections: null,
      maxSelections: null,
      options: options ? options.map((option) => ({ id: option.id, label: option.label })) : null,
      scale: scale ? { ...scale, minLabel: { en: '', fr: '' }, maxLabel: { en: '', fr: '' } } : null,
    });
    reset();
  };

  const problemText = (problem: Problem | undefined) =>
    problem ? t(`surveys.addQuestion.problems.${problem}`) : undefined;

  return (
    <Modal opened={opened} onClose={onClose} title={t('surveys.addQuestion.title')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Select
            label={t('surveys.addQuestion.type')}
            data={QUESTION_TYPES.map((value) => ({ value, label: t(`surveys.questionType.${value}`) }))}
            value={type}
            onChange={(value) => {
              const next = QUESTION_TYPES.find((candidate) => candidate === value);
              if (next) setType(next);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('surveys.addQuestion.textEn')}
              lang="en"
              required
              value={en}
              onChange={(event) => setEn(event.currentTarget.value)}
              error={problemText(problems.en)}
            />
            <TextInput
              label={t('surveys.addQuestion.textFr')}
              lang="fr"
              required
              value={fr}
              onChange={(event) => setFr(event.currentTarget.value)}
              error={problemText(problems.fr)}
            />
          </SimpleGrid>
          {type === 'LIKERT_5' && (
            <Select
              label={t('surveys.addQuestion.driver')}
              description={t('surveys.addQuestion.driverHint')}
              data={STANDARD_DRIVERS.map((value) => ({ value, label: t(`surveys.drivers.${value}`) }))}
              value={driver}
              onChange={setDriver}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {isChoice && (
            <Textarea
              label={t('surveys.addQuestion.options')}
              description={t('surveys.addQuestion.optionsHint')}
              value={optionLines}
              onChange={(event) => setOptionLines(event.currentTarget.value)}
              autosize
              minRows={3}
              error={problemText(problems.options)}
            />
          )}
          {type === 'FREE_TEXT' && (
            <NumberInput
              label={t('surveys.addQuestion.maxLength')}
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
              value={maxLength}
              onChange={(value) => setMaxLength(typeof value === 'number' ? value : Number.NaN)}
              error={problemText(problems.maxLength)}
              maw={240}
            />
          )}
          <Switch
            label={t('surveys.addQuestion.required')}
            checked={required}
            onChange={(event) => setRequired(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" data-testid="question-add-confirm">
              {t('surveys.addQuestion.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
