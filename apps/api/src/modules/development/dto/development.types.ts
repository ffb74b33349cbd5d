import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
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
import { DecimalScalar } from '../../../platform/graphql/scalars';

/** A non-negative amount with at most 2 decimals (numeric(12,2)), as text. */
const AMOUNT_RE = /^\d{1,10}(\.\d{1,2})?$/;
const AMOUNT_MESSAGE = 'An amount ≥ 0 with at most 2 decimals, e.g. "49.90"';

export enum DecisionUnit {
  AMOUNT = 'AMOUNT',
  DAYS = 'DAYS',
  COUNT = 'COUNT',
  NONE = 'NONE',
}
registerEnumType(DecisionUnit, {
  name: 'DecisionUnit',
  description: 'What a decision right’s limit counts.',
});

export enum DecisionKind {
  DECIDED_LOCALLY = 'DECIDED_LOCALLY',
  ESCALATED = 'ESCALATED',
  BEYOND_RIGHTS = 'BEYOND_RIGHTS',
}
registerEnumType(DecisionKind, {
  name: 'DecisionKind',
  description:
    'Taken alone within one’s rights, escalated up the reporting line, or taken beyond one’s rights with a justification.',
});

export enum DecisionReview {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(DecisionReview, { name: 'DecisionReview' });

export enum AssessmentSource {
  SELF = 'SELF',
  MANAGER = 'MANAGER',
}
registerEnumType(AssessmentSource, { name: 'AssessmentSource' });

export enum EnrolmentStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  ATTENDED = 'ATTENDED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

export enum NeedSource {
  GAP = 'GAP',
  EMPLOYEE = 'EMPLOYEE',
  MANAGER = 'MANAGER',
}
registerEnumType(NeedSource, { name: 'TrainingNeedSource' });

export enum RoleChangeKind {
  HIRE = 'HIRE',
  PROMOTION = 'PROMOTION',
  NEW_RESPONSIBILITY = 'NEW_RESPONSIBILITY',
  MOVE = 'MOVE',
}
registerEnumType(RoleChangeKind, { name: 'RoleChangeKind' });

export enum PlanStatus {
  DRAFT = 'DRAFT',
  AGREED = 'AGREED',
  CLOSED = 'CLOSED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus' });

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------
// Autonomy

@ObjectType()
export class DecisionType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => DecisionUnit) unit: DecisionUnit;
}

@ObjectType({ description: 'What the front line may decide alone, up to a limit; dated versions.' })
export class DecisionRight {
  @Field(() => ID) id: string;
  @Field(() => ID) decisionTypeId: string;
  @Field() decisionTypeName: string;
  @Field(() => DecisionUnit) unit: DecisionUnit;
  @Field(() => ID, { nullable: true }) positionId: string | null;
  @Field(() => String, { nullable: true }) positionTitle: string | null;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Null: no limit.' }) limitAmount: string | null;
  @Field(() => Int, { description: 'Above the limit, who decides: 1 = the manager, 2 = their manager…' })
  aboveLevels: number;
  @Field() aboveNote: string;
  @Field() validFrom: Date;
  @Field(() => Date, { nullable: true }) validTo: Date | null;
}

@ObjectType()
export class DecisionEntry {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field(() => ID) decisionTypeId: string;
  @Field() decisionTypeName: string;
  @Field(() => DecisionKind) kind: DecisionKind;
  @Field(() => DecimalScalar, { nullable: true }) amount: string | null;
  @Field() summary: string;
  @Field() decidedAt: Date;
  @Field(() => ID, { nullable: true }) escalatedToId: string | null;
  @Field(() => String, { nullable: true }) escalatedToName: string | null;
  @Field(() => Int, { nullable: true }) levelsCrossed: number | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'Hours from the decision to the answer.' })
  delayHours: number | null;
  @Field(() => String, { nullable: true }) justification: string | null;
  @Field(() => DecisionReview, { nullable: true }) review: DecisionReview | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true }) reviewNote: string | null;
}

@ObjectType()
export class DecisionPage {
  @Field(() => [DecisionEntry]) items: DecisionEntry[];
  @Field(() => Int) totalCount: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}

@ObjectType({ description: 'Autonomy indicators of one period (libs/domain autonomyIndex, in SQL).' })
export class AutonomyFigures {
  @Field(() => Int) total: number;
  @Field(() => Int) decidedLocally: number;
  @Field(() => Int) escalated: number;
  @Field(() => Int) beyondRightsConfirmed: number;
  @Field(() => Int) beyondRightsOverturned: number;
  @Field(() => Int) beyondRightsPending: number;
  @Field(() => Float, {
    nullable: true,
    description: '(local + beyond-rights confirmed) / (all − pending) × 100.',
  })
  settledWithoutEscalationPercent: number | null;
  @Field(() => Float, { nullable: true }) medianEscalationDelayHours: number | null;
  @Field(() => Float, { nullable: true }) meanLevelsCrossed: number | null;
}

@ObjectType()
export class AutonomyPoint {
  @Field({ description: 'YYYY-MM (UTC).' }) month: string;
  @Field(() => Int) total: number;
  @Field(() => Float, { nullable: true }) settledWithoutEscalationPercent: number | null;
  @Field(() => Float, { nullable: true }) medianEscalationDelayHours: number | null;
  @Field(() => Float, { nullable: true }) meanLevelsCrossed: number | null;
  @Field(() => Float, { nullable: true, description: 'The organisation, same month.' })
  organizationPercent: number | null;
}

@ObjectType({ description: 'Perceived autonomy from the engagement survey, shown only from k respondents.' })
export class PerceivedAutonomy {
  @Field() shown: boolean;
  @Field(() => String, { nullable: true }) surveyTitle: string | null;
  @Field(() => Date, { nullable: true }) closesAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'Favourable % of the autonomy items.' })
  favourable: number | null;
  @Field(() => Float, { nullable: true }) previous: number | null;
  @Field(() => Float, { nullable: true }) organization: number | null;
  @Field(() => Int, { nullable: true }) respondents: number | null;
}

@ObjectType()
export class RightUsage {
  @Field(() => ID) decisionTypeId: string;
  @Field() decisionTypeName: string;
  @Field(() => Int) decidedLocally: number;
  @Field(() => Int) escalated: number;
  @Field(() => Int) beyondRights: number;
}

@ObjectType()
export class AutonomyView {
  @Field({ description: 'TEAM, PERSON or ORGANIZATION.' }) scope: string;
  @Field(() => AutonomyFigures, { description: 'The last three months (UTC).' }) current: AutonomyFigures;
  @Field(() => AutonomyFigures, { description: 'The three months before.' }) previous: AutonomyFigures;
  @Field(() => AutonomyFigures, { nullable: true, description: 'The organisation, last three months.' })
  organization: AutonomyFigures | null;
  @Field(() => [AutonomyPoint], { complexity: 12 }) trend: AutonomyPoint[];
  @Field(() => PerceivedAutonomy, { nullable: true }) perceived: PerceivedAutonomy | null;
  @Field(() => [RightUsage], { complexity: 10 }) rightsUsage: RightUsage[];
}

@ObjectType()
export class HeatmapRow {
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field(() => [Float], { nullable: 'items' }) cells: (number | null)[];
  @Field(() => Float, { nullable: true }) overall: number | null;
}

@ObjectType({ description: 'Teams × columns (months or skills), values 0-100, null when nothing to show.' })
export class DevHeatmap {
  @Field(() => [String]) columns: string[];
  @Field(() => [HeatmapRow], { complexity: 20 }) rows: HeatmapRow[];
}

// ---------------------------------------------------------------------------------------------
// Skills

@ObjectType()
export class Skill {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() category: string;
  @Field() description: string;
}

@ObjectType()
export class PositionSkill {
  @Field(() => ID) positionId: string;
  @Field() positionTitle: string;
  @Field(() => ID) skillId: string;
  @Field() skillName: string;
  @Field(() => Int) requiredLevel: number;
}

@ObjectType()
export class PersonSkill {
  @Field(() => ID) skillId: string;
  @Field() skillName: string;
  @Field() category: string;
  @Field(() => Int, { nullable: true }) requiredLevel: number | null;
  @Field(() => Int, { nullable: true }) selfLevel: number | null;
  @Field(() => Int, { nullable: true }) managerLevel: number | null;
  @Field(() => Int, { nullable: true, description: 'The manager’s level, else the self-assessment.' })
  level: number | null;
  @Field(() => Int, { description: 'Levels missing to the requirement (0 when met or not required).' })
  gap: number;
}

@ObjectType()
export class SkillAssessment {
  @Field(() => ID) id: string;
  @Field(() => ID) skillId: string;
  @Field() skillName: string;
  @Field(() => AssessmentSource) source: AssessmentSource;
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true }) assessedByName: string | null;
  @Field() assessedAt: Date;
  @Field() note: string;
}

@ObjectType()
export class MatrixRow {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) positionTitle: string | null;
  @Field(() => [Int], { nullable: 'items', description: 'Level per skill column.' }) levels: (
    number | null
  )[];
  @Field(() => [Int], { nullable: 'items', description: 'Required level per skill column.' })
  required: (number | null)[];
}

@ObjectType({ description: 'A team’s people × skills, with the coverage of each skill.' })
export class SkillsMatrix {
  @Field(() => [Skill]) skills: Skill[];
  @Field(() => [MatrixRow], { complexity: 20 }) rows: MatrixRow[];
  @Field(() => [Float], { nullable: 'items', description: '% of required (person, skill) pairs met.' })
  coverage: (number | null)[];
}

// ---------------------------------------------------------------------------------------------
// Training

@ObjectType()
export class Course {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => ID, { nullable: true }) skillId: string | null;
  @Field(() => String, { nullable: true }) skillName: string | null;
  @Field(() => Float) hours: number;
  @Field() active: boolean;
  @Field(() => Int, { nullable: true, description: 'Ratings given; null below the threshold k.' })
  ratings: number | null;
  @Field(() => Float, { nullable: true, description: 'Training CSAT % (4-5); null below k ratings.' })
  csat: number | null;
}

@ObjectType()
export class TrainingSession {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field() courseTitle: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() trainer: string;
  @Field() location: string;
  @Field(() => Int) capacity: number;
  @Field(() => Int) seatsTaken: number;
  @Field(() => Float) hours: number;
  @Field() requiresApproval: boolean;
  @Field(() => EnrolmentStatus, { nullable: true, description: 'The viewer’s own enrolment.' })
  myStatus: EnrolmentStatus | null;
  @Field(() => ID, { nullable: true }) myEnrolmentId: string | null;
}

@ObjectType()
export class Enrolment {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field() courseTitle: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => EnrolmentStatus) status: EnrolmentStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field(() => String, { nullable: true, description: 'PENDING (invited to rate) or RATED.' })
  feedbackStatus: string | null;
}

@ObjectType()
export class TrainingNeed {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => ID, { nullable: true }) skillId: string | null;
  @Field(() => String, { nullable: true }) skillName: string | null;
  @Field(() => ID, { nullable: true }) courseId: string | null;
  @Field(() => String, { nullable: true }) courseTitle: string | null;
  @Field(() => NeedSource) source: NeedSource;
  @Field() note: string;
  @Field() status: string;
  @Field() createdAt: Date;
}

// ---------------------------------------------------------------------------------------------
// Careers

@ObjectType()
export class CareerStep {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => Int) level: number;
  @Field(() => Int) headcount: number;
}

@ObjectType()
export class CareerTrack {
  @Field() name: string;
  @Field(() => [CareerStep]) positions: CareerStep[];
}

@ObjectType()
export class RoleChange {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field(() => RoleChangeKind) kind: RoleChangeKind;
  @Field() effectiveOn: string;
  @Field(() => String, { nullable: true }) fromPositionTitle: string | null;
  @Field(() => String, { nullable: true }) toPositionTitle: string | null;
  @Field(() => String, { nullable: true }) fromTeamName: string | null;
  @Field(() => String, { nullable: true }) toTeamName: string | null;
  @Field() note: string;
}

@ObjectType()
export class PlanGoal {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field(() => ID, { nullable: true }) skillId: string | null;
  @Field() dueOn: string;
  @Field(() => Int) progress: number;
  @Field({ description: 'Due date passed and not complete.' }) late: boolean;
}

@ObjectType()
export class DevelopmentPlan {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field() title: string;
  @Field(() => PlanStatus) status: PlanStatus;
  @Field(() => Date, { nullable: true }) employeeAgreedAt: Date | null;
  @Field(() => Date, { nullable: true }) managerAgreedAt: Date | null;
  @Field(() => String, { nullable: true }) nextReviewOn: string | null;
  @Field({ description: 'No goal is late.' }) onTrack: boolean;
  @Field(() => Float, { description: 'Mean progress of its goals, 0-100.' }) progress: number;
  @Field(() => Int) version: number;
  @Field(() => [PlanGoal]) goals: PlanGoal[];
}

// ---------------------------------------------------------------------------------------------
// The development review

@ObjectType({ description: 'A figure with its previous period and the organisation beside it.' })
export class DevFigure {
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Float, { nullable: true }) previous: number | null;
  @Field(() => Float, { nullable: true }) organization: number | null;
}

@ObjectType()
export class MonthValue {
  @Field() month: string;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Float, { nullable: true }) organization: number | null;
}

@ObjectType()
export class SkillGap {
  @Field(() => ID) skillId: string;
  @Field() skillName: string;
  @Field(() => Int, { description: 'People below the required level.' }) below: number;
  @Field(() => Int) required: number;
}

@ObjectType()
export class ReviewSkills {
  @Field(() => DevFigure, { description: 'Coverage %: required (person, skill) pairs met.' })
  coverage: DevFigure;
  @Field(() => [SkillGap], { complexity: 10 }) gaps: SkillGap[];
}

@ObjectType()
export class ReviewTraining {
  @Field(() => DevFigure, { description: 'Completed hours per FTE over the last 12 months.' })
  hoursPerFte: DevFigure;
  @Field(() => DevFigure, { description: 'Completions over the last 12 months (previous: the 12 before).' })
  completions: DevFigure;
  @Field(() => Int) openNeeds: number;
  @Field(() => [MonthValue], { complexity: 12, description: 'Completed hours per month.' })
  monthlyHours: MonthValue[];
}

@ObjectType()
export class UpcomingReview {
  @Field(() => ID) planId: string;
  @Field() personName: string;
  @Field() nextReviewOn: string;
}

@ObjectType()
export class ReviewPlans {
  @Field(() => Int) total: number;
  @Field(() => Int) onTrack: number;
  @Field(() => Int) late: number;
  @Field(() => Int) agreed: number;
  @Field(() => DevFigure, { description: '% of plans on track.' }) onTrackPercent: DevFigure;
  @Field(() => [UpcomingReview], { complexity: 10 }) upcoming: UpcomingReview[];
}

@ObjectType({ description: 'Survey figures through the survey results service: hidden below k.' })
export class ReviewSurvey {
  @Field() shown: boolean;
  @Field(() => String, { nullable: true }) surveyTitle: string | null;
  @Field(() => DevFigure) score: DevFigure;
  @Field(() => Float, { nullable: true }) enps: number | null;
  @Field(() => Int, { nullable: true }) respondents: number | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType()
export class ReviewRetention {
  @Field({ description: 'LEAVING_DATES when people have leaving dates, else TENURE.' }) basis: string;
  @Field(() => Int) headcount: number;
  @Field(() => DevFigure, { description: 'Retention % over 12 months (LEAVING_DATES only).' })
  retention: DevFigure;
  @Field(() => DevFigure, { description: 'Average tenure in years.' }) tenureYears: DevFigure;
  @Field(() => DevFigure, { description: '% of people with at least a year of tenure.' })
  stablePercent: DevFigure;
}

@ObjectType()
export class ReviewAction {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field() done: boolean;
}

@ObjectType()
export class PastReview {
  @Field(() => ID) id: string;
  @Field() reviewedOn: string;
  @Field() conclusions: string;
  @Field(() => String, { nullable: true }) recordedByName: string | null;
  @Field(() => [ReviewAction]) actions: ReviewAction[];
}

@ObjectType({ description: 'One team’s development review, for its manager and HR.' })
export class DevelopmentReviewPage {
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field(() => String, { nullable: true }) managerName: string | null;
  @Field(() => Int) headcount: number;
  @Field(() => AutonomyView) autonomy: AutonomyView;
  @Field(() => ReviewSkills) skills: ReviewSkills;
  @Field(() => ReviewTraining) training: ReviewTraining;
  @Field(() => ReviewPlans) plans: ReviewPlans;
  @Field(() => ReviewSurvey) engagement: ReviewSurvey;
  @Field(() => ReviewSurvey) upwardFeedback: ReviewSurvey;
  @Field(() => ReviewRetention) retention: ReviewRetention;
  @Field(() => [PastReview], { complexity: 5 }) reviews: PastReview[];
}

@ObjectType({ description: 'An employee’s own development page.' })
export class MyDevelopment {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) positionTitle: string | null;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => [PersonSkill]) skills: PersonSkill[];
  @Field(() => [Enrolment]) enrolments: Enrolment[];
  @Field(() => Float) hoursThisYear: number;
  @Field(() => [TrainingNeed]) needs: TrainingNeed[];
  @Field(() => [DevelopmentPlan]) plans: DevelopmentPlan[];
  @Field(() => [RoleChange]) roleHistory: RoleChange[];
  @Field(() => [DecisionRight]) rights: DecisionRight[];
  @Field(() => AutonomyView) autonomy: AutonomyView;
}

@ObjectType()
export class EscalationTarget {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => Int, { description: 'Hierarchical levels crossed by escalating to them.' }) levels: number;
}

@ObjectType()
export class TeamRef {
  @Field(() => ID) id: string;
  @Field() name: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs

@InputType()
export class CreateDecisionTypeInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  description: string = '';

  @Field(() => DecisionUnit, { defaultValue: DecisionUnit.NONE })
  @IsEnum(DecisionUnit)
  unit: DecisionUnit = DecisionUnit.NONE;
}

@InputType()
export class SetDecisionRightInput {
  @Field(() => ID)
  @IsUUID()
  decisionTypeId: string;

  @Field(() => ID, { nullable: true, description: 'A position (HR) or a team (HR, its line managers).' })
  @IsOptional()
  @IsUUID()
  positionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT_RE, { message: AMOUNT_MESSAGE })
  limitAmount?: string | null;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(6)
  aboveLevels: number = 1;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(300)
  aboveNote: string = '';
}

@InputType()
export class LogDecisionInput {
  @Field(() => ID)
  @IsUUID()
  decisionTypeId: string;

  @Field(() => DecisionKind)
  @IsEnum(DecisionKind)
  kind: DecisionKind;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  summary: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(AMOUNT_RE, { message: AMOUNT_MESSAGE })
  amount?: string | null;

  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer’s team; another team is refused.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ESCALATED: someone above in the reporting line.' })
  @IsOptional()
  @IsUUID()
  escalatedToId?: string | null;

  @Field(() => Date, { nullable: true, description: 'ESCALATED: when the answer came, if it has.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  answeredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'BEYOND_RIGHTS: why (required).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  justification?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; at most 30 days back.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  decidedAt?: Date | null;
}

@InputType()
export class ReviewDecisionInput {
  @Field(() => ID)
  @IsUUID()
  decisionId: string;

  @Field()
  @IsBoolean()
  confirmed: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class DecisionsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field({ defaultValue: false, description: 'Beyond-rights decisions awaiting the viewer’s review.' })
  @IsBoolean()
  pendingReview: boolean = false;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset = 0;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}

@InputType()
export class CreateSkillInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(100)
  category: string = '';

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  description: string = '';
}

@InputType()
export class SetPositionSkillInput {
  @Field(() => ID)
  @IsUUID()
  positionId: string;

  @Field(() => ID)
  @IsUUID()
  skillId: string;

  @Field(() => Int, { nullable: true, description: '1-4; null removes the requirement.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  requiredLevel?: number | null;
}

@InputType()
export class AssessSkillInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => ID)
  @IsUUID()
  skillId: string;

  @Field(() => Int, { description: '1 (notions) to 4 (expert).' })
  @IsInt()
  @Min(1)
  @Max(4)
  level: number;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note: string = '';
}

@InputType()
export class CreateCourseInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  description: string = '';

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skillId?: string | null;

  @Field(() => Float)
  @IsNumber()
  @Min(0.25)
  @Max(1000)
  hours: number;
}

@InputType()
export class CreateSessionInput {
  @Field(() => ID)
  @IsUUID()
  courseId: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field()
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  trainer: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(200)
  location: string = '';

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @Field(() => Float, { nullable: true, description: 'Defaults to the course’s hours.' })
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(1000)
  hours?: number | null;

  @Field({ defaultValue: false })
  @IsBoolean()
  requiresApproval: boolean = false;
}

@InputType()
export class EnrolInput {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer; a manager may enrol their line.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;
}

@InputType()
export class EnrolmentStatusInput {
  @Field(() => ID)
  @IsUUID()
  enrolmentId: string;

  @Field(() => EnrolmentStatus)
  @IsEnum(EnrolmentStatus)
  status: EnrolmentStatus;
}

@InputType()
export class RateTrainingInput {
  @Field(() => ID)
  @IsUUID()
  enrolmentId: string;

  @Field(() => Int)
  @IsInt()
  csat: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  relevance?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  apply?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  trainer?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  recommend?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType()
export class RaiseNeedInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skillId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  courseId?: string | null;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note: string = '';
}

@InputType()
export class RecordRoleChangeInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field(() => RoleChangeKind)
  @IsEnum(RoleChangeKind)
  kind: RoleChangeKind;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE_RE, { message: 'effectiveOn must be YYYY-MM-DD' })
  effectiveOn: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  toPositionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  toTeamId?: string | null;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note: string = '';
}

@InputType()
export class GoalInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @Field(() => ID, { nullable: true, description: 'Required: the employee or the manager.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skillId?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE_RE, { message: 'dueOn must be YYYY-MM-DD' })
  dueOn: string;
}

@InputType()
export class CreatePlanInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE_RE, { message: 'nextReviewOn must be YYYY-MM-DD' })
  nextReviewOn?: string | null;

  @Field(() => [GoalInput])
  @ValidateNested({ each: true })
  @Type(() => GoalInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  goals: GoalInput[];
}

@InputType()
export class GoalProgressInput {
  @Field(() => ID)
  @IsUUID()
  goalId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;
}

@InputType()
export class ReviewActionInput {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE_RE, { message: 'dueOn must be YYYY-MM-DD' })
  dueOn?: string | null;
}

@InputType()
export class RecordReviewInput {
  @Field(() => ID)
  @IsUUID()
  teamId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(10_000)
  conclusions: string;

  @Field(() => [ReviewActionInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ReviewActionInput)
  @ArrayMaxSize(30)
  actions: ReviewActionInput[] = [];
}
