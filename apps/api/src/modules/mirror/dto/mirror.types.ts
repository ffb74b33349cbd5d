import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { LocalizedText } from '../../survey/dto/survey.types';

export enum PeriodKindEnum {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(PeriodKindEnum, { name: 'PeriodKind' });

export enum MetricDirectionEnum {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(MetricDirectionEnum, { name: 'MetricDirection' });

@ObjectType()
export class MetricDefinition {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field({ description: 'CUSTOMER or EMPLOYEE.' }) side: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => Float) scaleMin: number;
  @Field(() => Float) scaleMax: number;
  @Field(() => MetricDirectionEnum) direction: MetricDirectionEnum;
  @Field() unit: string;
  @Field({ description: 'INTAKE (customer figures), SURVEY, DESK, PEOPLE or AUTONOMY.' }) source: string;
  @Field(() => LocalizedText, {
    nullable: true,
    description: 'How the platform computes this figure, where the catalog states it (employee retention).',
  })
  rule: LocalizedText | null;
}

@InputType()
export class UpdateMetricDefinitionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameFr?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  scaleMin?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  scaleMax?: number;

  @Field(() => MetricDirectionEnum, { nullable: true })
  @IsOptional()
  @IsEnum(MetricDirectionEnum)
  direction?: MetricDirectionEnum;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;
}

@ObjectType()
export class MirrorSide {
  @Field(() => Float) value: number;
  @Field(() => Int, { description: 'Answers or cases behind the figure (≥ k).' }) n: number;
  @Field(() => Float, { description: '0-100, 100 = best.' }) score: number;
  @Field(() => [String], {
    complexity: 1, // a few short names
    description:
      'Where the figure comes from: the source of each team’s value (one per team and period; "platform" for figures the platform computes).',
  })
  sources: string[];
}

@ObjectType()
export class MirrorPoint {
  @Field() period: string;
  @Field(() => MirrorSide, { nullable: true }) customer: MirrorSide | null;
  @Field(() => MirrorSide, { nullable: true }) employee: MirrorSide | null;
  @Field(() => Float, { nullable: true, description: 'Employee score − customer score.' }) gap: number | null;
}

@ObjectType()
export class LagCorrelationGql {
  @Field(() => Int) lag: number;
  @Field(() => Int) n: number;
  @Field(() => Float, { nullable: true }) r: number | null;
  @Field(() => Float, { nullable: true }) ciLow: number | null;
  @Field(() => Float, { nullable: true }) ciHigh: number | null;
}

@ObjectType()
export class ScatterPoint {
  @Field(() => ID) teamId: string;
  @Field(() => Float) internal: number;
  @Field(() => Float) customer: number;
}

@ObjectType()
export class LineFitGql {
  @Field(() => Float) slope: number;
  @Field(() => Float) intercept: number;
}

@ObjectType()
export class PairCorrelation {
  @Field(() => [LagCorrelationGql], {
    description: 'Internal at t against customer at t + lag, across teams.',
  })
  pearson: LagCorrelationGql[];
  @Field(() => [LagCorrelationGql]) spearman: LagCorrelationGql[];
  @Field(() => LocalizedText, {
    description: 'Plain-language reading; refuses to conclude on too little data.',
  })
  reading: LocalizedText;
  @Field() verdict: string;
  @Field(() => Int, { nullable: true }) bestLag: number | null;
  @Field(() => [ScatterPoint], { description: 'Teams in the latest period (0-100 scores).' })
  scatter: ScatterPoint[];
  @Field(() => LineFitGql, { nullable: true }) fit: LineFitGql | null;
}

@ObjectType()
export class MirrorPair {
  @Field() key: string;
  @Field(() => MetricDefinition) customer: MetricDefinition;
  @Field(() => MetricDefinition) employee: MetricDefinition;
  @Field(() => MirrorPoint) current: MirrorPoint;
  @Field(() => [MirrorPoint]) trend: MirrorPoint[];
  @Field(() => PairCorrelation) correlation: PairCorrelation;
}

@ObjectType()
export class MirrorHeatCell {
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field() pairKey: string;
  @Field(() => Float, { nullable: true }) customer: number | null;
  @Field(() => Float, { nullable: true }) employee: number | null;
  @Field(() => Float, { nullable: true }) gap: number | null;
}

@ObjectType()
export class MirrorView {
  @Field(() => PeriodKindEnum) periodKind: PeriodKindEnum;
  @Field(() => [String]) periods: string[];
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => Int) k: number;
  @Field(() => [MirrorPair]) pairs: MirrorPair[];
  @Field(() => [MirrorHeatCell], { description: 'Teams × pairs for the latest period.' })
  heatmap: MirrorHeatCell[];
}

@ObjectType()
export class ServiceMirrorTeam {
  @Field(() => ID) teamId: string;
  @Field() teamName: string;
  @Field(() => Int) ratings: number;
  @Field(() => Float) internalCsat: number;
  @Field(() => Float, { nullable: true }) customerCsat: number | null;
}

@ObjectType()
export class ServiceMirror {
  @Field(() => ID) supportServiceId: string;
  @Field() name: string;
  @Field(() => [ServiceMirrorTeam]) teams: ServiceMirrorTeam[];
  @Field(() => Float, {
    nullable: true,
    description: 'Rank correlation, the service’s CSAT vs the teams’ customer CSAT.',
  })
  spearman: number | null;
  @Field(() => Int) n: number;
}

@ObjectType()
export class IntakeProblemGql {
  @Field(() => Int) line: number;
  @Field() field: string;
  @Field() message: string;
}

@ObjectType()
export class IntakeResultGql {
  @Field() valid: boolean;
  @Field() applied: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int) inserted: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => [IntakeProblemGql]) problems: IntakeProblemGql[];
}

@ObjectType()
export class IntakeApiKey {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'Shown in the key (sym_<prefix>_…) to recognise it.' }) prefix: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
}

@ObjectType()
export class CreatedIntakeApiKey {
  @Field({ description: 'The key itself, shown once: only its hash is stored.' }) key: string;
  @Field(() => IntakeApiKey) apiKey: IntakeApiKey;
}

@InputType()
export class CustomerMetricRowInput {
  @Field({ description: 'Team id or exact team name.' })
  @IsString()
  @MaxLength(200)
  team: string;

  @Field()
  @IsString()
  @MaxLength(60)
  metric: string;

  @Field(() => PeriodKindEnum)
  @IsEnum(PeriodKindEnum)
  periodKind: PeriodKindEnum;

  @Field({ description: 'YYYY-MM-DD, the first day of the period.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be YYYY-MM-DD' })
  periodStart: string;

  @Field(() => Float)
  @IsNumber()
  value: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  sampleSize: number;
}

@InputType()
export class UpsertCustomerMetricsInput {
  @Field({ defaultValue: 'graphql', description: 'Where the figures come from; the upsert key includes it.' })
  @IsString()
  @Matches(/^[\w .:@-]{1,100}$/, { message: 'source is 1-100 letters, digits, spaces or . : @ -' })
  source: string = 'graphql';

  @Field(() => [CustomerMetricRowInput])
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => CustomerMetricRowInput)
  rows: CustomerMetricRowInput[];
}

@ArgsType()
export class MirrorArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'One team; default: the organisation (or the manager’s line).',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field(() => PeriodKindEnum, { defaultValue: PeriodKindEnum.MONTH })
  @IsEnum(PeriodKindEnum)
  periodKind: PeriodKindEnum = PeriodKindEnum.MONTH;

  @Field(() => Int, { defaultValue: 12, description: 'Periods of trend (up to 24).' })
  @IsInt()
  @Min(1)
  @Max(24)
  periods: number = 12;

  @Field(() => String, {
    nullable: true,
    description: 'Latest period (its first day); default: the current one.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'period must be YYYY-MM-DD' })
  period?: string;
}

@ArgsType()
export class ImportCustomerCsvArgs {
  @Field({ description: 'CSV with columns team, metric, period_kind, period_start, value, sample_size.' })
  @IsString()
  @MaxLength(20_000_000)
  csv: string;

  @Field({ defaultValue: false, description: 'false: validate only; true: apply when every row is valid.' })
  @IsBoolean()
  apply: boolean = false;
}
