import {
  isScaleType,
  SCALE_ANCHORS,
  SCALE_RANGES,
  type Question,
  type SurveyTemplate,
  templateNeedsSubject,
} from '@symmetry/surveys';
import {
  Confidentiality,
  QuestionType,
  RecurrenceKind,
  SubjectKind,
  type Survey,
  type SurveyQuestion,
  type SurveyQuestionInput,
  type SurveyRecurrence,
  type SurveyStatus,
  type SurveyTemplateInfo,
} from './dto/survey.types';

/** An engine question as GraphQL shows it (scale range and end labels added). */
export function toGqlQuestion(q: Question): SurveyQuestion {
  return {
    id: q.id,
    type: q.type as QuestionType,
    required: q.required,
    text: q.text,
    driver: q.driver ?? null,
    options: 'options' in q ? q.options.map((o) => ({ id: o.id, label: o.label })) : null,
    minSelections: q.type === 'MULTIPLE_CHOICE' ? (q.minSelections ?? null) : null,
    maxSelections: q.type === 'MULTIPLE_CHOICE' ? (q.maxSelections ?? null) : null,
    maxLength: q.type === 'FREE_TEXT' ? q.maxLength : null,
    scale: isScaleType(q.type)
      ? {
          min: SCALE_RANGES[q.type].min,
          max: SCALE_RANGES[q.type].max,
          minLabel: SCALE_ANCHORS[q.type].min,
          maxLabel: SCALE_ANCHORS[q.type].max,
        }
      : null,
  };
}

/** A question from the builder, in the engine's shape (validated afterwards by the engine). */
export function fromQuestionInput(q: SurveyQuestionInput): Question {
  const base = {
    id: q.id,
    required: q.required ?? true,
    text: { en: q.text.en.trim(), fr: q.text.fr.trim() },
    ...(q.driver ? { driver: q.driver } : {}),
  };
  switch (q.type) {
    case QuestionType.SINGLE_CHOICE:
      return { ...base, type: 'SINGLE_CHOICE', options: q.options ?? [] };
    case QuestionType.MULTIPLE_CHOICE:
      return {
        ...base,
        type: 'MULTIPLE_CHOICE',
        options: q.options ?? [],
        ...(q.minSelections !== undefined && q.minSelections !== null
          ? { minSelections: q.minSelections }
          : {}),
        ...(q.maxSelections !== undefined && q.maxSelections !== null
          ? { maxSelections: q.maxSelections }
          : {}),
      };
    case QuestionType.FREE_TEXT:
      return { ...base, type: 'FREE_TEXT', maxLength: q.maxLength ?? 2000 };
    default:
      return { ...base, type: q.type };
  }
}

export function toTemplateInfo(t: SurveyTemplate): SurveyTemplateInfo {
  return {
    key: t.key,
    subjectKind: t.subjectKind as SubjectKind,
    name: t.name,
    description: t.description,
    defaultConfidentiality: t.defaultConfidentiality as Confidentiality,
    needsSubject: templateNeedsSubject(t),
    questions: t.questions.map(toGqlQuestion),
  };
}

/** Columns of `survey` selected everywhere, mapped by `toSurvey`. */
export const SURVEY_COLUMNS = `s.id, s.organization_id, s.title, s.description, s.template_key, s.subject_kind,
  s.subject_id, s.confidentiality, s.status, s.questions, s.question_subjects, s.audience_team_ids,
  s.audience_position_ids, s.recurrence, s.pulse_items_per_wave, s.comment_threshold, s.results_published,
  s.created_at, s.updated_at, s.version`;

export interface StoredRecurrence {
  kind: 'ONE_OFF' | 'WEEKLY' | 'MONTHLY';
  opensAt: string;
  closesAt?: string;
  openForDays?: number;
  interval?: number;
  waveCount?: number;
}

export interface SurveyRow {
  id: string;
  organization_id: string;
  title: string;
  description: string;
  template_key: string | null;
  subject_kind: SubjectKind;
  subject_id: string | null;
  confidentiality: Confidentiality;
  status: SurveyStatus;
  questions: Question[];
  question_subjects: Record<string, string>;
  audience_team_ids: string[];
  audience_position_ids: string[];
  recurrence: StoredRecurrence | null;
  pulse_items_per_wave: number | null;
  comment_threshold: number;
  results_published: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function toSurvey(r: SurveyRow): Survey & { storedQuestions: Question[] } {
  const rec = r.recurrence;
  const recurrence: SurveyRecurrence | null = rec
    ? {
        kind: rec.kind as RecurrenceKind,
        opensAt: new Date(rec.opensAt),
        closesAt: rec.closesAt ? new Date(rec.closesAt) : null,
        openForDays: rec.openForDays ?? null,
        interval: rec.interval ?? null,
        waveCount: rec.waveCount ?? null,
      }
    : null;
  return {
    id: r.id,
    organizationId: r.organization_id,
    title: r.title,
    description: r.description,
    templateKey: r.template_key,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    confidentiality: r.confidentiality,
    status: r.status,
    questions: r.questions.map(toGqlQuestion),
    storedQuestions: r.questions,
    questionSubjects: r.question_subjects ?? {},
    audienceTeamIds: r.audience_team_ids ?? [],
    audiencePositionIds: r.audience_position_ids ?? [],
    recurrence,
    pulseItemsPerWave: r.pulse_items_per_wave,
    commentThreshold: r.comment_threshold,
    resultsPublished: r.results_published,
    questionsFrozen: r.status === 'OPEN' || r.status === 'CLOSED',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
