import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
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
import { DecimalScalar } from '../../../platform/graphql/scalars';
import { LocalizedText } from '../../survey/dto/survey.types';

export enum SchemePeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(SchemePeriodKind, { name: 'SchemePeriodKind' });

export enum SchemeStatus {
  DRAFT = 'DRAFT',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  CLOSED = 'CLOSED',
}
registerEnumType(SchemeStatus, { name: 'SchemeStatus' });

export enum TargetBonusMode {
  PERCENT_OF_BASE = 'PERCENT_OF_BASE',
  FIXED = 'FIXED',
}
registerEnumType(TargetBonusMode, { name: 'TargetBonusMode' });

export enum ComponentKindEnum {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
}
registerEnumType(ComponentKindEnum, { name: 'ComponentKind' });

export enum CollectiveSplitEnum {
  TEAM = 'TEAM',
  POOL_EQUAL = 'POOL_EQUAL',
  POOL_FTE = 'POOL_FTE',
  POOL_BASE_SALARY = 'POOL_BASE_SALARY',
}
registerEnumType(CollectiveSplitEnum, { name: 'CollectiveSplit' });

export enum MeasureType {
  /** A metric of the organisation (mirror catalogue) for the person's team. */
  TEAM_METRIC = 'TEAM_METRIC',
  /** Individual objective attainment (%) entered by the manager. */
  OBJECTIVE = 'OBJECTIVE',
  /** Training hours completed in the period. */
  TRAINING_HOURS = 'TRAINING_HOURS',
  /** A per-person figure uploaded by HR. */
  UPLOAD = 'UPLOAD',
}
registerEnumType(MeasureType, { name: 'MeasureType' });

export enum FallbackEnum {
  TARGET = 'TARGET',
  ZERO = 'ZERO',
}
registerEnumType(FallbackEnum, { name: 'SchemeFallback' });

export enum GateOperatorEnum {
  GTE = 'GTE',
  GT = 'GT',
  LTE = 'LTE',
  LT = 'LT',
}
registerEnumType(GateOperatorEnum, { name: 'GateOperator' });

export enum RunStatus {
  COMPUTED = 'COMPUTED',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(RunStatus, { name: 'IncentiveRunStatus' });

export enum DisputeStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });

// ---------- inputs ----------

@InputType('SchemePopulationInput')
@ObjectType('SchemePopulation')
export class SchemePopulation {
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) teamIds: string[];
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) positionIds: string[];
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true }) personIds: string[];
}

@InputType('PositionTargetInput')
@ObjectType('PositionTarget')
export class PositionTarget {
  @Field(() => ID) @IsUUID() positionId: string;
  @Field(() => TargetBonusMode) @IsEnum(TargetBonusMode) mode: TargetBonusMode;
  @Field(() => DecimalScalar, { description: 'A percentage of annual base salary, or an amount.' })
  @IsString()
  value: string;
}

@InputType('TargetBonusInput')
@ObjectType('TargetBonus')
export class TargetBonus {
  @Field(() => TargetBonusMode) @IsEnum(TargetBonusMode) mode: TargetBonusMode;
  @Field(() => DecimalScalar) @IsString() value: string;
  @Field(() => [PositionTarget])
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PositionTarget)
  byPosition: PositionTarget[];
}

@InputType('MeasureInput')
@ObjectType('Measure')
export class Measure {
  @Field(() => MeasureType) @IsEnum(MeasureType) type: MeasureType;
  @Field(() => String, { nullable: true, description: 'TEAM_METRIC: the metric key (mirror catalogue).' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  metricKey?: string | null;
  @Field(() => String, { nullable: true, description: 'UPLOAD: the name of the uploaded figure.' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'uploadKey: lower-case letters, digits, - and _' })
  uploadKey?: string | null;
}

@InputType('CurvePointInput')
@ObjectType('CurvePoint')
export class CurvePoint {
  @Field(() => DecimalScalar) @IsString() x: string;
  @Field(() => DecimalScalar) @IsString() payoutPercent: string;
}

@InputType('PayoutCurveInput')
@ObjectType('PayoutCurve')
export class PayoutCurveSpecGql {
  @Field(() => CurvePoint) @ValidateNested() @Type(() => CurvePoint) threshold: CurvePoint;
  @Field(() => DecimalScalar) @IsString() target: string;
  @Field(() => CurvePoint) @ValidateNested() @Type(() => CurvePoint) cap: CurvePoint;
  @Field(() => [CurvePoint], { complexity: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CurvePoint)
  intermediatePoints: CurvePoint[];
}

@InputType('SchemeComponentInput')
@ObjectType('SchemeComponent')
export class SchemeComponentGql {
  @Field({ description: 'A short key, unique in the scheme (a-z, 0-9, - and _).' })
  @Matches(/^[a-z0-9_-]{1,60}$/, { message: 'id: lower-case letters, digits, - and _' })
  id: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) labelEn: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) labelFr: string;
  @Field(() => ComponentKindEnum) @IsEnum(ComponentKindEnum) kind: ComponentKindEnum;
  @Field(() => CollectiveSplitEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CollectiveSplitEnum)
  split?: CollectiveSplitEnum | null;
  @Field(() => DecimalScalar) @IsString() weightPercent: string;
  @Field(() => Measure) @ValidateNested() @Type(() => Measure) measure: Measure;
  @Field(() => PayoutCurveSpecGql)
  @ValidateNested()
  @Type(() => PayoutCurveSpecGql)
  curve: PayoutCurveSpecGql;
}

@InputType('SchemeGateInput')
@ObjectType('SchemeGate')
export class SchemeGateGql {
  @Field() @Matches(/^[a-z0-9_-]{1,60}$/, { message: 'id: lower-case letters, digits, - and _' }) id: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) labelEn: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) labelFr: string;
  @Field(() => Measure) @ValidateNested() @Type(() => Measure) measure: Measure;
  @Field(() => GateOperatorEnum) @IsEnum(GateOperatorEnum) operator: GateOperatorEnum;
  @Field(() => DecimalScalar) @IsString() threshold: string;
  @Field(() => String, { nullable: true, description: 'The component zeroed; none: the whole payout.' })
  @IsOptional()
  @IsString()
  componentId?: string | null;
}

@InputType()
export class IncentiveSchemeInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(4000) description: string;
  @Field(() => SchemePeriodKind) @IsEnum(SchemePeriodKind) periodKind: SchemePeriodKind;
  @Field({ description: 'First day of the period (YYYY-MM-DD), aligned on the period kind.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be YYYY-MM-DD' })
  periodStart: string;
  @Field() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency: string;
  @Field(() => SchemePopulation) @ValidateNested() @Type(() => SchemePopulation) population: SchemePopulation;
  @Field(() => Int) @IsInt() @Min(0) @Max(366) minimumEligibleDays: number;
  @Field() @IsBoolean() prorateByFte: boolean;
  @Field(() => TargetBonus) @ValidateNested() @Type(() => TargetBonus) targetBonus: TargetBonus;
  @Field(() => DecimalScalar, { nullable: true }) @IsOptional() @IsString() budget?: string | null;
  @Field(() => FallbackEnum) @IsEnum(FallbackEnum) fallback: FallbackEnum;
  @Field(() => Int, { description: 'Survey measures need at least this many answers (and k).' })
  @IsInt()
  @Min(0)
  @Max(100000)
  minimumAnswers: number;
  @Field(() => [SchemeComponentGql])
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => SchemeComponentGql)
  components: SchemeComponentGql[];
  @Field(() => [SchemeGateGql])
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => SchemeGateGql)
  gates: SchemeGateGql[];
}

@InputType()
export class MeasureOverrideInput {
  @Field({ description: 'Component id whose measure is overridden.' }) @IsString() componentId: string;
  @Field(() => ID, { nullable: true, description: 'One team; none: every team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Replace the value.' })
  @IsOptional()
  @IsString()
  value?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Or add this to the value.' })
  @IsOptional()
  @IsString()
  delta?: string | null;
}

@ArgsType()
export class SimulateArgs {
  @Field(() => ID) @IsUUID() schemeId: string;
  @Field(() => String, {
    nullable: true,
    description: 'Use the data of another period starting on this date (past data).',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dataPeriodStart must be YYYY-MM-DD' })
  dataPeriodStart?: string | null;
  @Field(() => [MeasureOverrideInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeasureOverrideInput)
  whatIf: MeasureOverrideInput[];
  @Field(() => ID, {
    nullable: true,
    description: 'Compare with this scheme (default: the previous version).',
  })
  @IsOptional()
  @IsUUID()
  compareWithSchemeId?: string | null;
}

@InputType()
export class IncentiveInputRow {
  @Field(() => ID) @IsUUID() personId: string;
  @Field(() => DecimalScalar) @IsString() value: string;
}

// ---------- outputs ----------

@ObjectType()
export class IncentiveScheme {
  @Field(() => ID) id: string;
  @Field(() => ID) lineageId: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) previousId: string | null;
  @Field() name: string;
  @Field() description: string;
  @Field(() => SchemePeriodKind) periodKind: string;
  @Field() periodStart: string;
  @Field() periodEnd: string;
  @Field() currency: string;
  @Field(() => SchemePopulation) population: SchemePopulation;
  @Field(() => Int) minimumEligibleDays: number;
  @Field() prorateByFte: boolean;
  @Field(() => TargetBonus) targetBonus: TargetBonus;
  @Field(() => DecimalScalar, { nullable: true }) budget: string | null;
  @Field(() => FallbackEnum) fallback: string;
  @Field(() => Int) minimumAnswers: number;
  // A scheme is one stored document (at most 12 components and 12 gates, no resolver behind them):
  // its short lists state their own cost, so the list of schemes fits the limit.
  @Field(() => [SchemeComponentGql], { complexity: 12 }) components: SchemeComponentGql[];
  @Field(() => [SchemeGateGql], { complexity: 12 }) gates: SchemeGateGql[];
  @Field(() => SchemeStatus) status: string;
  @Field(() => ID) designedById: string;
  @Field() designedByName: string;
  @Field(() => ID, { nullable: true }) approvedById: string | null;
  @Field(() => String, { nullable: true }) approvedByName: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field(() => String, { nullable: true }) reviewComment: string | null;
  @Field(() => Int, { description: 'For optimistic locking of edits.' }) rowVersion: number;
  @Field(() => Int) populationSize: number;
  @Field() updatedAt: Date;
}

@ObjectType()
export class HistogramBin {
  @Field(() => DecimalScalar) from: string;
  @Field(() => DecimalScalar) to: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class TeamTotal {
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field() teamName: string;
  @Field(() => Int) headcount: number;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) target: string;
}

@ObjectType()
export class ComponentTotal {
  @Field() componentId: string;
  @Field(() => LocalizedText) label: LocalizedText;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) target: string;
}

@ObjectType()
export class MissingMeasure {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field() componentId: string;
}

@ObjectType()
export class PersonDelta {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => DecimalScalar) before: string;
  @Field(() => DecimalScalar) after: string;
  @Field(() => DecimalScalar) delta: string;
}

@ObjectType()
export class SchemeComparison {
  @Field(() => ID) schemeId: string;
  @Field() schemeName: string;
  @Field(() => Int) schemeVersion: number;
  @Field(() => DecimalScalar) total: string;
  @Field(() => Int) winners: number;
  @Field(() => Int) losers: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [PersonDelta], { complexity: 20 }) biggestWins: PersonDelta[];
  @Field(() => [PersonDelta], { complexity: 20 }) biggestLosses: PersonDelta[];
}

@ObjectType()
export class IncentiveSimulation {
  @Field(() => Int) participants: number;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) totalBeforeCap: string;
  @Field(() => DecimalScalar) targetTotal: string;
  @Field(() => DecimalScalar, { nullable: true }) budget: string | null;
  @Field() budgetApplied: boolean;
  @Field() dataPeriodStart: string;
  @Field(() => [HistogramBin], { complexity: 20 }) histogram: HistogramBin[];
  @Field(() => [TeamTotal], { complexity: 50 }) byTeam: TeamTotal[];
  @Field(() => [ComponentTotal], { complexity: 12 }) byComponent: ComponentTotal[];
  @Field(() => Int) missingCount: number;
  @Field(() => [MissingMeasure], { complexity: 50 }) missing: MissingMeasure[];
  @Field(() => SchemeComparison, { nullable: true }) comparison: SchemeComparison | null;
}

@ObjectType()
export class IncentiveRun {
  @Field(() => ID) id: string;
  @Field(() => ID) schemeId: string;
  @Field() schemeName: string;
  @Field(() => Int) number: number;
  @Field(() => RunStatus) status: string;
  @Field(() => ID, { nullable: true }) correctsRunId: string | null;
  @Field(() => Int) participants: number;
  @Field(() => Int) missingCount: number;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) totalBeforeCap: string;
  @Field() budgetApplied: boolean;
  @Field() hash: string;
  @Field() createdByName: string;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true }) approvedByName: string | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
}

@ObjectType()
export class IncentiveRunDetail {
  @Field(() => IncentiveRun) run: IncentiveRun;
  @Field(() => [TeamTotal], { complexity: 50 }) byTeam: TeamTotal[];
  @Field(() => [ComponentTotal], { complexity: 12 }) byComponent: ComponentTotal[];
  @Field(() => [MissingMeasure], { complexity: 50 }) missing: MissingMeasure[];
  @Field(() => [PersonDelta], { complexity: 50, description: 'Against the run it corrects.' })
  differences: PersonDelta[];
  @Field(() => Int) differenceCount: number;
  @Field(() => [HistogramBin], { complexity: 20 }) histogram: HistogramBin[];
}

@ObjectType()
export class StatementLine {
  @Field() componentId: string;
  @Field(() => LocalizedText) label: LocalizedText;
  @Field(() => ComponentKindEnum) kind: string;
  @Field(() => MeasureType) measureType: string;
  @Field() status: string;
  @Field(() => DecimalScalar, { nullable: true }) measureValue: string | null;
  @Field(() => DecimalScalar) weightPercent: string;
  @Field(() => DecimalScalar) payoutPercent: string;
  @Field(() => DecimalScalar) prorationFactor: string;
  @Field(() => DecimalScalar) targetAmount: string;
  @Field(() => DecimalScalar) amount: string;
  @Field(() => LocalizedText) explanation: LocalizedText;
  @Field(() => LocalizedText) whatWouldMoveIt: LocalizedText;
  @Field(() => PayoutCurveSpecGql) curve: PayoutCurveSpecGql;
  @Field(() => IncentiveDispute, { nullable: true }) dispute: IncentiveDispute | null;
}

@ObjectType()
export class IncentiveStatement {
  @Field(() => ID) runId: string;
  @Field(() => ID) schemeId: string;
  @Field() schemeName: string;
  @Field() periodStart: string;
  @Field() periodEnd: string;
  @Field() currency: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => DecimalScalar, { nullable: true }) targetPay: string | null;
  @Field(() => DecimalScalar) total: string;
  @Field() runStatus: string;
  @Field(() => String, { nullable: true }) fallbackNote: string | null;
  @Field(() => [StatementLine], { complexity: 12 }) lines: StatementLine[];
}

@ObjectType()
export class TeamPayout {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => ID) runId: string;
  @Field(() => ID) schemeId: string;
  @Field() schemeName: string;
  @Field() periodStart: string;
  @Field() currency: string;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar, { nullable: true }) targetPay: string | null;
}

@ObjectType()
export class IncentiveDispute {
  @Field(() => ID) id: string;
  @Field(() => ID) runId: string;
  @Field() schemeName: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field() componentId: string;
  @Field() reason: string;
  @Field(() => DisputeStatus) status: string;
  @Field(() => String, { nullable: true }) answer: string | null;
  @Field(() => ID, { nullable: true }) correctionRunId: string | null;
  @Field(() => DecimalScalar, { nullable: true }) amount: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

@ObjectType()
export class IncentiveInputValue {
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => DecimalScalar, { nullable: true }) value: string | null;
  @Field(() => Date, { nullable: true }) enteredAt: Date | null;
}

@ObjectType()
export class InputUploadResult {
  @Field(() => Int) accepted: number;
  @Field(() => [InputUploadError]) errors: InputUploadError[];
}

@ObjectType()
export class InputUploadError {
  @Field(() => Int) line: number;
  @Field() message: string;
}
