import { Checkbox, Group, Paper, Radio, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerQuestion } from '../hooks/useMySurveys';
import { useLocalized } from '../hooks/useLocalized';
import { isScaleType, textLength, type AnswerProblemCode, type AnswerValue } from '../utils/answers';
import classes from './QuestionField.module.css';

type SurveyQuestion = AnswerQuestion;

interface QuestionFieldProps {
  question: SurveyQuestion;
  /** 1-based position, shown before the text. */
  number: number;
  value: AnswerValue | undefined;
  onChange(value: AnswerValue | undefined): void;
  problem: AnswerProblemCode | undefined;
  disabled?: boolean;
}

/** One question of the answer form: the control that fits its type, its problem, its required marker. */
export function QuestionField({ question, number, value, onChange, problem, disabled }: QuestionFieldProps) {
  const text = useLocalized();
  const error = useProblemMessage(question, problem);
  const label = <QuestionLabel number={number} text={text(question.text)} required={question.required} />;
  return (
    <Paper
      withBorder
      p="md"
      id={`question-${question.id}`}
      className={classes.question}
      data-testid={`question-${question.id}`}
      data-invalid={problem ? true : undefined}
    >
      {isScaleType(question.type) && question.scale ? (
        <ScaleField
          question={question}
          label={label}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
          disabled={disabled}
        />
      ) : question.type === 'YES_NO' ? (
        <YesNoField
          label={label}
          required={question.required}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
          disabled={disabled}
        />
      ) : question.type === 'SINGLE_CHOICE' ? (
        <Radio.Group
          label={label}
          withAsterisk={question.required}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
          disabled={disabled}
        >
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((option) => (
              <Radio key={option.id} value={option.id} label={text(option.label)} />
            ))}
          </Stack>
        </Radio.Group>
      ) : question.type === 'MULTIPLE_CHOICE' ? (
        <MultipleChoiceField
          question={question}
          label={label}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          error={error}
          disabled={disabled}
        />
      ) : (
        <FreeTextField
          question={question}
          number={number}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          error={error}
          disabled={disabled}
        />
      )}
    </Paper>
  );
}

/** "3. Question text", and "required" for screen readers (the asterisk itself is hidden from them). */
function QuestionLabel({ number, text, required }: { number: number; text: string; required: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {number}. {text}
      {required && <VisuallyHidden> {t('surveys.answer.requiredHidden')}</VisuallyHidden>}
    </>
  );
}

interface FieldProps<V> {
  label: ReactNode;
  value: V;
  onChange(value: AnswerValue | undefined): void;
  error: string | undefined;
  disabled: boolean | undefined;
}

function ScaleField({
  question,
  label,
  value,
  onChange,
  error,
  disabled,
}: FieldProps<string | null> & { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const scale = question.scale!;
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
  const minLabel = text(scale.minLabel);
  const maxLabel = text(scale.maxLabel);
  return (
    <Radio.Group
      label={label}
      withAsterisk={question.required}
      description={t('surveys.answer.scaleHint', {
        min: scale.min,
        minLabel,
        max: scale.max,
        maxLabel,
      })}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      data-question-type={question.type}
    >
      <div className={classes.scale}>
        {values.map((scaleValue) => (
          <div key={scaleValue} className={classes.scaleOption}>
            <Radio
              value={String(scaleValue)}
              label={String(scaleValue)}
              classNames={{ body: classes.scaleOptionBody, labelWrapper: classes.scaleOptionLabel }}
            />
          </div>
        ))}
      </div>
      {/* The end labels are in the description already: shown again under the scale, for the eye only. */}
      <Group justify="space-between" className={classes.anchors} aria-hidden wrap="nowrap" gap="md">
        <Text size="xs" c="dimmed">
          {minLabel}
        </Text>
        <Text size="xs" c="dimmed" ta="right">
          {maxLabel}
        </Text>
      </Group>
    </Radio.Group>
  );
}

function YesNoField({
  label,
  required,
  value,
  onChange,
  error,
  disabled,
}: FieldProps<string | null> & { required: boolean }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={label}
      withAsterisk={required}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    >
      <Group gap="xl" mt="xs">
        <Radio value="yes" label={t('common.yes')} />
        <Radio value="no" label={t('common.no')} />
      </Group>
    </Radio.Group>
  );
}

function MultipleChoiceField({
  question,
  label,
  value,
  onChange,
  error,
  disabled,
}: FieldProps<string[]> & { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const options = question.options ?? [];
  const min = question.minSelections ?? 1;
  const max = question.maxSelections ?? options.length;
  return (
    <Checkbox.Group
      label={label}
      withAsterisk={question.required}
      description={
        min === max
          ? t('surveys.answer.chooseExactly', { count: min })
          : t('surveys.answer.chooseBetween', { min, max })
      }
      value={value}
      onChange={(next) => onChange(next.length > 0 ? next : undefined)}
      error={error}
      disabled={disabled}
    >
      <Stack gap="xs" mt="xs">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} label={text(option.label)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function FreeTextField({
  question,
  number,
  value,
  onChange,
  error,
  disabled,
}: Omit<FieldProps<string>, 'label'> & { question: SurveyQuestion; number: number }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const max = question.maxLength;
  return (
    <Textarea
      label={`${number}. ${text(question.text)}`}
      required={question.required}
      description={
        max !== null ? t('surveys.answer.characters', { count: textLength(value), max }) : undefined
      }
      value={value}
      onChange={(event) => onChange(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
      maxLength={max ?? undefined}
      autosize
      minRows={3}
      maxRows={10}
      error={error}
      disabled={disabled}
    />
  );
}

/** The message under a question, in the current language. */
function useProblemMessage(
  question: SurveyQuestion,
  problem: AnswerProblemCode | undefined,
): string | undefined {
  const { t } = useTranslation();
  if (!problem) return undefined;
  switch (problem) {
    case 'REQUIRED':
      return t('surveys.problems.REQUIRED');
    case 'TOO_LONG':
      return t('surveys.problems.TOO_LONG', { max: question.maxLength ?? 0 });
    case 'TOO_FEW_SELECTIONS':
      return t('surveys.problems.TOO_FEW_SELECTIONS', { count: question.minSelections ?? 1 });
    case 'TOO_MANY_SELECTIONS':
      return t('surveys.problems.TOO_MANY_SELECTIONS', {
        count: question.maxSelections ?? question.options?.length ?? 0,
      });
    default:
      return t(`surveys.problems.${problem}`);
  }
}
