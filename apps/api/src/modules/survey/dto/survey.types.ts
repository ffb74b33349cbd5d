import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { QUESTION_TYPES, TEMPLATE_KEYS } from '@symmetry/surveys';

export enum SurveyStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(SurveyStatus, { name: 'SurveyStatus' });

export enum Confidentiality {
  ANONYMOUS = 'ANONYMOUS',
  CONFIDENTIAL = 'CONFIDENTIAL',
  ATTRIBUTED = 'ATTRIBUTED',
}
registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description:
    'ANONYMOUS: nothing stored links an answer to a person. CONFIDENTIAL: HR may hold the link, never shown in results. ATTRIBUTED: answers are signed (e.g. request closure).',
});

export enum SubjectKind {
  ORGANIZATION = 'ORGANIZATION',
  SUPPORT_SERVICE = 'SUPPORT_SERVICE',
  MANAGER = 'MANAGER',
  TRAINING_SESSION = 'TRAINING_SESSION',
  SERVICE_REQUEST = 'SERVICE_REQUEST',
}
registerEnumType(SubjectKind, { name: 'SurveySubjectKind' });

export enum QuestionType {
  LIKERT_5 = 'LIKERT_5',
  NPS_0_10 = 'NPS_0_10',
  CSAT_1_5 = 'CSAT_1_5',
  CES_1_7 = 'CES_1_7',
  YES_NO = 'YES_NO',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  FREE_TEXT = 'FREE_TEXT',
}
registerEnumType(QuestionType, { name: 'QuestionType' });
// Keep the GraphQL enum and the engine's list in step (checked when the module loads).
if (QUESTION_TYPES.some((t) => !(t in QuestionType))) throw new Error('QuestionType out of sync');

export enum RecurrenceKind {
  ONE_OFF = 'ONE_OFF',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(RecurrenceKind, { name: 'RecurrenceKind' });

export enum SuppressedReason {
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  COMPLEMENTARY = 'COMPLEMENTARY',
}
registerEnumType(SuppressedReason, {
  name: 'SuppressedReason',
  description:
    'Why a figure is hidden: too few answers, or showing it would let someone work out a group that has too few.',
});

// ---------------------------------------------------------------------------------------------
// Questions and templates

@ObjectType()
export class LocalizedText {
  @Field() en: string;
  @Field() fr: string;
}

@InputType()
export class LocalizedTextInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  en: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  fr: string;
}

@ObjectType()
export class ChoiceOption {
  @Field() id: string;
  @Field(() => LocalizedText) label: LocalizedText;
}

@InputType()
export class ChoiceOptionInput {
  @Field()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'option ids are 1-64 characters a-z, 0-9 or _' })
  id: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  label: LocalizedTextInput;
}

@ObjectType()
export class ScaleAnchors {
  @Field(() => Int) min: number;
  @Field(() => Int) max: number;
  @Field(() => LocalizedText) minLabel: LocalizedText;
  @Field(() => LocalizedText) maxLabel: LocalizedText;
}

@ObjectType()
export class SurveyQuestion {
  @Field() id: string;
  @Field(() => QuestionType) type: QuestionType;
  @Field() required: boolean;
  @Field(() => LocalizedText) text: LocalizedText;
  @Field(() => String, { nullable: true, description: 'Engagement driver this item measures.' })
  driver?: string | null;
  @Field(() => [ChoiceOption], { nullable: true, complexity: 3, description: 'A short list (counted as 3).' })
  options?: ChoiceOption[] | null;
  @Field(() => Int, { nullable: true }) minSelections?: number | null;
  @Field(() => Int, { nullable: true }) maxSelections?: number | null;
  @Field(() => Int, { nullable: true }) maxLength?: number | null;
  @Field(() => ScaleAnchors, { nullable: true, description: 'Scale range and end labels (scale types).' })
  scale?: ScaleAnchors | null;
}

@InputType()
export class SurveyQuestionInput {
  @Field()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'question ids are snake_case, at most 64 characters' })
  id: string;

  @Field(() => QuestionType)
  @IsEnum(QuestionType)
  type: QuestionType;

  @Field({ defaultValue: true })
  @IsBoolean()
  required: boolean = true;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  text: LocalizedTextInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'drivers are snake_case keys' })
  driver?: string;

  @Field(() => [ChoiceOptionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionInput)
  options?: ChoiceOptionInput[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minSelections?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxSelections?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxLength?: number;
}

@ObjectType()
export class SurveyTemplateInfo {
  @Field() key: string;
  @Field(() => SubjectKind) subjectKind: SubjectKind;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => Confidentiality) defaultConfidentiality: Confidentiality;
  @Field({ description: 'Whether the questions name a subject (a support service, a manager…).' })
  needsSubject: boolean;
  @Field(() => [SurveyQuestion]) questions: SurveyQuestion[];
}

// ---------------------------------------------------------------------------------------------
// Surveys

@ObjectType()
export class SurveyRecurrence {
  @Field(() => RecurrenceKind) kind: RecurrenceKind;
  @Field({ description: 'When the (first) wave opens.' }) opensAt: Date;
  @Field(() => Date, { nullable: true, description: 'ONE_OFF: when the survey closes.' })
  closesAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'Recurring: days each wave stays open.' })
  openForDays?: number | null;
  @Field(() => Int, { nullable: true, description: 'Weeks or months between waves.' })
  interval?: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of waves (none: until closed).' })
  waveCount?: number | null;
}

@ObjectType()
export class SurveyWave {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field() status: string;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => Int, { description: 'People invited to this wave.' }) invited: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Answer sets counted in results so far (they are released in batches of at least k); null while fewer than k.',
  })
  answered: number | null;
}

@ObjectType()
export class Survey {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => String, { nullable: true }) templateKey: string | null;
  @Field(() => SubjectKind) subjectKind: SubjectKind;
  @Field(() => ID, { nullable: true }) subjectId: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the subject (service, manager…).' })
  subjectName?: string | null;
  @Field(() => Confidentiality) confidentiality: Confidentiality;
  @Field(() => SurveyStatus) status: SurveyStatus;
  @Field(() => [SurveyQuestion]) questions: SurveyQuestion[];
  @Field(() => [ID]) audienceTeamIds: string[];
  @Field(() => [ID]) audiencePositionIds: string[];
  @Field(() => SurveyRecurrence, { nullable: true }) recurrence: SurveyRecurrence | null;
  @Field(() => Int, { nullable: true, description: 'Pulse: rotating items per wave (3-5).' })
  pulseItemsPerWave: number | null;
  @Field(() => Int, { description: 'Minimum comments before any is shown for a group.' })
  commentThreshold: number;
  @Field({ description: 'Organisation-level results visible to every employee.' })
  resultsPublished: boolean;
  @Field({ description: 'Questions can no longer change: the survey has opened.' })
  questionsFrozen: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int) version: number;
  // Resolved fields: audienceSize, waves.
  organizationId: string;
  questionSubjects: Record<string, string>;
}

@InputType()
export class CreateSurveyInput {
  @Field(() => String, { nullable: true, description: 'Start from a shipped template.' })
  @IsOptional()
  @IsIn(TEMPLATE_KEYS as unknown as string[])
  templateKey?: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the template name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => SubjectKind, { nullable: true })
  @IsOptional()
  @IsEnum(SubjectKind)
  subjectKind?: SubjectKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The support service, manager (person) … the survey is about. A support-service survey without one rates every service.',
  })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @Field(() => Confidentiality, { nullable: true })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality;

  @Field(() => [SurveyQuestionInput], { nullable: true, description: 'Replaces the template questions.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions?: SurveyQuestionInput[];

  @Field(() => [ID], { nullable: true, description: 'Audience teams (with their sub-teams).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  audienceTeamIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Audience positions.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  audiencePositionIds?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  commentThreshold?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(5)
  pulseItemsPerWave?: number;
}

@InputType()
export class UpdateSurveyInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => Confidentiality, { nullable: true })
  @IsOptional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality;

  @Field(() => [SurveyQuestionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions?: SurveyQuestionInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  audienceTeamIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  audiencePositionIds?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  commentThreshold?: number;
}

@InputType()
export class ScheduleSurveyInput {
  @Field(() => RecurrenceKind, { defaultValue: RecurrenceKind.ONE_OFF })
  @IsEnum(RecurrenceKind)
  kind: RecurrenceKind = RecurrenceKind.ONE_OFF;

  @Field({ description: 'When the (first) wave opens; now or in the past opens it at once.' })
  @Type(() => Date)
  @IsDate()
  opensAt: Date;

  @Field(() => Date, { nullable: true, description: 'ONE_OFF: required.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  closesAt?: Date;

  @Field(() => Int, { nullable: true, description: 'Recurring: days each wave stays open.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  openForDays?: number;

  @Field(() => Int, { nullable: true, description: 'Recurring: weeks or months between waves (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  interval?: number;

  @Field(() => Int, { nullable: true, description: 'Recurring: number of waves.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(520)
  waveCount?: number;
}

@ArgsType()
export class SurveyIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class SurveysArgs {
  @Field(() => SurveyStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SurveyStatus)
  status?: SurveyStatus;
}

// ---------------------------------------------------------------------------------------------
// Answering

@InputType()
export class AnswerInput {
  @Field()
  @IsString()
  @MaxLength(64)
  questionId: string;

  @Field(() => Int, { nullable: true, description: 'Scale questions.' })
  @IsOptional()
  @IsInt()
  value?: number;

  @Field(() => Boolean, { nullable: true, description: 'Yes/no questions.' })
  @IsOptional()
  @IsBoolean()
  yes?: boolean;

  @Field(() => [String], { nullable: true, description: 'Choice questions (one id for single choice).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  optionIds?: string[];

  @Field(() => String, { nullable: true, description: 'Free text.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  text?: string;
}

@InputType()
export class SubmitSurveyResponseInput {
  @Field(() => ID, { description: 'The invitation: a one-time token, usable once by its own person.' })
  @IsUUID()
  invitationId: string;

  @Field(() => [AnswerInput])
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers: AnswerInput[];
}

@ObjectType()
export class SubmitSurveyResponseResult {
  @Field() accepted: boolean;
  @Field(() => Confidentiality) confidentiality: Confidentiality;
}

@ObjectType()
export class MySurvey {
  @Field(() => ID) invitationId: string;
  @Field(() => ID) surveyId: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => SubjectKind) subjectKind: SubjectKind;
  @Field(() => String, { nullable: true }) subjectName: string | null;
  @Field(() => Confidentiality) confidentiality: Confidentiality;
  @Field(() => Int) waveNumber: number;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field() answered: boolean;
  @Field({ description: 'Open and not yet answered.' }) canAnswer: boolean;
  @Field(() => Int, { description: 'Reporting threshold k of the survey.' }) k: number;
  @Field(() => [SurveyQuestion]) questions: SurveyQuestion[];
}

// ---------------------------------------------------------------------------------------------
// Results

@ObjectType()
export class ResultBucket {
  @Field() key: string;
  @Field(() => LocalizedText, { nullable: true, description: 'Choice questions: the option label.' })
  label?: LocalizedText | null;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: 'Share of answers, 0-100.' }) share: number;
}

@ObjectType({ description: 'Statistics of one question for one group; null figures when hidden.' })
export class QuestionResult {
  @Field() questionId: string;
  @Field(() => QuestionType) type: QuestionType;
  @Field(() => LocalizedText) text: LocalizedText;
  @Field(() => String, { nullable: true }) driver: string | null;
  @Field() shown: boolean;
  @Field(() => SuppressedReason, { nullable: true }) reason: SuppressedReason | null;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: 'LIKERT_5: % 4-5.' }) favourable: number | null;
  @Field(() => Float, { nullable: true, description: 'CSAT_1_5: % 4-5.' }) csat: number | null;
  @Field(() => Float, { nullable: true, description: 'NPS_0_10: % 9-10 − % 0-6.' }) nps: number | null;
  @Field(() => Float, { nullable: true, description: 'CES_1_7: % 5-7.' }) easy: number | null;
  @Field(() => Float, { nullable: true, description: 'YES_NO: % yes.' }) yes: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The headline score on a 0-100 scale (NPS on -100..100), used by heatmaps.',
  })
  score: number | null;
  @Field(() => [ResultBucket], {
    nullable: true,
    complexity: 3,
    description: 'At most 11 buckets (counted as 3).',
  })
  distribution: ResultBucket[] | null;
}

@ObjectType()
export class ResultSlice {
  @Field() id: string;
  @Field() kind: string;
  @Field({ description: 'Team name, tenure bucket or organisation.' }) label: string;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => String, { nullable: true }) tenureBucket: string | null;
  @Field(() => Int) invited: number;
  @Field() shown: boolean;
  @Field(() => SuppressedReason, { nullable: true }) reason: SuppressedReason | null;
  @Field(() => Int, { nullable: true }) respondents: number | null;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
}

@ObjectType()
export class HeatmapCell {
  @Field() sliceId: string;
  @Field() column: string;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field() shown: boolean;
}

@ObjectType()
export class Heatmap {
  @Field(() => [ResultSlice]) rows: ResultSlice[];
  @Field(() => [String], { description: 'Question ids, or driver keys.' }) columns: string[];
  @Field(() => [HeatmapCell]) cells: HeatmapCell[];
}

@ObjectType()
export class DriverResult {
  @Field() questionId: string;
  @Field(() => String, { nullable: true }) driver: string | null;
  @Field(() => LocalizedText) text: LocalizedText;
  @Field(() => Float, { nullable: true, description: 'Pearson r with the outcome.' }) r: number | null;
  @Field(() => Int) n: number;
  @Field(() => Float, { nullable: true, description: 'Item favourability in the group (0-100).' })
  favourable: number | null;
}

@ObjectType()
export class DriverAnalysis {
  @Field({ description: 'enps or engagement.' }) outcome: string;
  @Field() computed: boolean;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Int, { description: 'Minimum group size for driver analysis.' }) minRespondents: number;
  @Field(() => [DriverResult]) items: DriverResult[];
}

@ObjectType()
export class CommentList {
  @Field() questionId: string;
  @Field(() => LocalizedText) text: LocalizedText;
  @Field() shown: boolean;
  @Field(() => SuppressedReason, { nullable: true }) reason: SuppressedReason | null;
  @Field(() => [String], { description: 'In no particular order; empty when hidden.' }) comments: string[];
}

@ObjectType()
export class TrendPoint {
  @Field(() => Int) waveNumber: number;
  @Field() closesAt: Date;
  @Field() shown: boolean;
  @Field(() => Float, { nullable: true }) enps: number | null;
  @Field(() => Float, { nullable: true }) engagement: number | null;
  @Field(() => Int, { nullable: true }) respondents: number | null;
}

@ObjectType()
export class SurveyResults {
  @Field(() => ID) surveyId: string;
  @Field() title: string;
  @Field(() => Confidentiality) confidentiality: Confidentiality;
  @Field(() => Int) waveNumber: number;
  @Field() waveStatus: string;
  @Field() closesAt: Date;
  @Field(() => Int) k: number;
  @Field(() => Int) commentThreshold: number;
  @Field({ description: 'ORGANIZATION, LINE (a manager) or PUBLISHED (an employee).' }) scope: string;
  @Field(() => ResultSlice, { description: 'The group these results are about.' }) focus: ResultSlice;
  @Field(() => [QuestionResult]) questions: QuestionResult[];
  @Field(() => Float, { nullable: true, description: 'Mean favourability of the Likert items.' })
  engagement: number | null;
  /** Parts computed only when selected (see SurveyResultsFieldsResolver). */
  deferred: {
    slices: () => ResultSlice[];
    heatmap: () => Heatmap;
    driverHeatmap: () => Heatmap;
    drivers: () => DriverAnalysis;
    comments: () => Promise<CommentList[]>;
    trend: () => Promise<TrendPoint[]>;
  };
}

@ArgsType()
export class SurveyResultsArgs {
  @Field(() => ID)
  @IsUUID()
  surveyId: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to the latest wave.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  waveNumber?: number;

  @Field(() => String, {
    nullable: true,
    description: 'A slice id from `slices` (e.g. team:<id>); defaults to the whole scope.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sliceId?: string;
}

@ObjectType()
export class Notification {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class NotificationFeed {
  @Field(() => [Notification]) items: Notification[];
  @Field(() => Int, { description: 'Unread notifications of the viewer, whatever the filter.' })
  unreadCount: number;
  @Field(() => Int, { description: 'Notifications matching the filter (all, or unread only).' })
  totalCount: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}
