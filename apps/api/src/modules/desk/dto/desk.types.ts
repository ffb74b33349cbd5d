import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../../platform/graphql/page';
import { JsonScalar } from '../../../platform/graphql/scalars';
import { LocalizedText } from '../../survey/dto/survey.types';
import { Person } from '../../person/person.entity';

export enum RequestState {
  NEW = 'NEW',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_ON_REQUESTER = 'WAITING_ON_REQUESTER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(RequestState, { name: 'RequestState' });

export enum RequestPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(RequestPriority, { name: 'RequestPriority' });

export enum CommitmentUnit {
  BUSINESS_HOURS = 'BUSINESS_HOURS',
  BUSINESS_DAYS = 'BUSINESS_DAYS',
}
registerEnumType(CommitmentUnit, { name: 'CommitmentUnit' });

export enum CommitmentStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  LATE = 'LATE',
  PAUSED = 'PAUSED',
  MET = 'MET',
  MISSED = 'MISSED',
}
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description:
    'Against the original commitment: on track, at risk (75% of the allowed business time used), late; paused while waiting on the requester; met or missed once resolved.',
});

export enum DeskRole {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  AGENT = 'AGENT',
  REQUESTER = 'REQUESTER',
}
registerEnumType(DeskRole, {
  name: 'DeskRole',
  description: 'The viewer’s relation to a request or service.',
});

// ---------------------------------------------------------------------------------------------

@ObjectType()
export class Commitment {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => CommitmentUnit) firstResponseUnit: CommitmentUnit;
  @Field(() => Int) firstResponseAmount: number;
  @Field(() => CommitmentUnit) resolutionUnit: CommitmentUnit;
  @Field(() => Int) resolutionAmount: number;
  @Field() validFrom: Date;
  @Field(() => LocalizedText, { description: 'The commitment in the requester’s words.' })
  wording: LocalizedText;
}

@ObjectType()
export class RequestCategory {
  @Field(() => ID) id: string;
  @Field(() => ID) supportServiceId: string;
  @Field() name: string;
  @Field() description: string;
  @Field() active: boolean;
  @Field(() => Commitment) commitment: Commitment;
}

@InputType()
export class CommitmentTargetInput {
  @Field(() => CommitmentUnit)
  @IsEnum(CommitmentUnit)
  unit: CommitmentUnit;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1000)
  amount: number;
}

@InputType()
export class CreateCategoryInput {
  @Field(() => ID)
  @IsUUID()
  supportServiceId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  description: string = '';

  @Field(() => CommitmentTargetInput)
  @ValidateNested()
  @Type(() => CommitmentTargetInput)
  firstResponse: CommitmentTargetInput;

  @Field(() => CommitmentTargetInput)
  @ValidateNested()
  @Type(() => CommitmentTargetInput)
  resolution: CommitmentTargetInput;
}

@InputType()
export class UpdateCommitmentInput {
  @Field(() => ID)
  @IsUUID()
  categoryId: string;

  @Field(() => CommitmentTargetInput)
  @ValidateNested()
  @Type(() => CommitmentTargetInput)
  firstResponse: CommitmentTargetInput;

  @Field(() => CommitmentTargetInput)
  @ValidateNested()
  @Type(() => CommitmentTargetInput)
  resolution: CommitmentTargetInput;
}

@ObjectType()
export class RequestEvent {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field() kind: string;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => Person, { nullable: true }) actor?: Person | null;
  @Field({ description: 'Internal notes are shown to the service only.' }) internal: boolean;
  @Field(() => RequestState, { nullable: true }) fromState: RequestState | null;
  @Field(() => RequestState, { nullable: true }) toState: RequestState | null;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => JsonScalar, { nullable: true }) data: Record<string, unknown> | null;
}

@ObjectType()
export class RequestRatingInfo {
  @Field() status: string;
  @Field(() => Int, { nullable: true, description: 'Shown to the requester who gave it only.' }) csat:
    number | null;
  @Field(() => Int, { nullable: true }) effort: number | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Date, { nullable: true }) ratedAt: Date | null;
}

@ObjectType()
export class ServiceRequest {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field({ description: 'REQ-<number>' }) reference: string;
  @Field(() => ID) supportServiceId: string;
  @Field(() => ID) categoryId: string;
  @Field(() => ID, { nullable: true }) parentRequestId: string | null;
  @Field(() => ID) requesterId: string;
  @Field(() => ID, { nullable: true }) requesterTeamId: string | null;
  @Field(() => ID, { nullable: true }) assigneeId: string | null;
  @Field() subject: string;
  @Field() description: string;
  @Field(() => RequestPriority) priority: RequestPriority;
  @Field(() => RequestState) state: RequestState;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) firstRespondedAt: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field({ description: 'Original commitment: first response due.' }) firstResponseDueAt: Date;
  @Field({
    description: 'Original commitment: resolution due, moved later only by time waiting on the requester.',
  })
  resolutionDueAt: Date;
  @Field({ description: 'Resolution due at opening, before any pause.' }) originalResolutionDueAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'A new date agreed with the requester; conformity still uses the original.',
  })
  renegotiatedDueAt: Date | null;
  @Field(() => Int) renegotiationCount: number;
  @Field(() => Int) reopenCount: number;
  @Field(() => Boolean, { nullable: true }) firstResponseMet: boolean | null;
  @Field(() => Boolean, { nullable: true }) resolutionMet: boolean | null;
  @Field(() => CommitmentStatus) status: CommitmentStatus;
  @Field(() => Int) version: number;
  organizationId: string;
  commitmentId: string;
  resolutionRiskAt: Date;
}

@ObjectType()
export class ServiceRequestPage {
  @Field(() => [ServiceRequest]) items: ServiceRequest[];
  @Field(() => Int) totalCount: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}

@ObjectType()
export class RatingGiven {
  @Field(() => ID) requestId: string;
  @Field() reference: string;
  @Field(() => Int) csat: number;
  @Field(() => Int) effort: number;
  @Field() ratedAt: Date;
}

@ObjectType({ description: '“Never repeat yourself”: what the agent should know about the requester.' })
export class RequesterContext {
  @Field(() => Person) person: Person;
  @Field(() => [ServiceRequest]) openRequests: ServiceRequest[];
  @Field(() => [ServiceRequest]) recentRequests: ServiceRequest[];
  @Field(() => [RatingGiven]) recentRatings: RatingGiven[];
  @Field(() => [ServiceRequest], {
    description: 'Open requests of the service that look alike (possible duplicates).',
  })
  similarOpen: ServiceRequest[];
}

@ObjectType()
export class DeskMetricRow {
  @Field() month: string;
  @Field(() => ID) supportServiceId: string;
  @Field(() => ID, { nullable: true }) categoryId: string | null;
  @Field(() => ID, { nullable: true }) requesterTeamId: string | null;
  @Field(() => Int) opened: number;
  @Field(() => Int) resolved: number;
  @Field(() => Int, { description: 'Open at the end of the month.' }) backlog: number;
  @Field(() => Float, { nullable: true }) firstResponseConformity: number | null;
  @Field(() => Float, { nullable: true }) resolutionConformity: number | null;
  @Field(() => Float, { nullable: true, description: 'Elapsed hours.' }) medianResponseHours: number | null;
  @Field(() => Float, { nullable: true }) p90ResponseHours: number | null;
  @Field(() => Float, { nullable: true }) medianResolveHours: number | null;
  @Field(() => Float, { nullable: true }) p90ResolveHours: number | null;
  @Field(() => Float, { nullable: true }) reopenRate: number | null;
  @Field(() => Float, { nullable: true }) renegotiationRate: number | null;
  @Field(() => Int, { nullable: true, description: 'Null below the organisation’s threshold k.' }) ratings:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Internal CSAT % (4-5); null below k ratings.' }) csat:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Mean effort 1-7 (7 = easy); null below k ratings.' })
  effort: number | null;
}

// ---------------------------------------------------------------------------------------------
// Inputs

@InputType()
export class OpenRequestInput {
  @Field(() => ID)
  @IsUUID()
  supportServiceId: string;

  @Field(() => ID)
  @IsUUID()
  categoryId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  subject: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000)
  description: string = '';

  @Field(() => RequestPriority, { defaultValue: RequestPriority.NORMAL })
  @IsEnum(RequestPriority)
  priority: RequestPriority = RequestPriority.NORMAL;
}

@InputType()
export class SpawnTaskInput {
  @Field(() => ID)
  @IsUUID()
  parentRequestId: string;

  @Field(() => ID)
  @IsUUID()
  supportServiceId: string;

  @Field(() => ID)
  @IsUUID()
  categoryId: string;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  subject: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000)
  description: string = '';
}

@InputType()
export class TransitionInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => Int, { description: 'The version read; CONFLICT if someone changed the request since.' })
  @IsInt()
  version: number;

  @Field(() => RequestState)
  @IsEnum(RequestState)
  to: RequestState;

  @Field(() => String, { nullable: true, description: 'Shown to the requester with the change.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  comment?: string;
}

@InputType()
export class AssignInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ID, { nullable: true, description: 'An agent of the service; null unassigns.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  body: string;

  @Field({ defaultValue: false, description: 'Internal note: agents and managers only.' })
  @IsBoolean()
  internal: boolean = false;
}

@InputType()
export class RenegotiateInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field()
  @Type(() => Date)
  @IsDate()
  newDueAt: Date;

  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class RateRequestInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => Int)
  @IsInt()
  csat: number;

  @Field(() => Int)
  @IsInt()
  effort: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

@ArgsType()
export class DeskQueueArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  supportServiceId: string;

  @Field(() => [RequestState], { nullable: true, description: 'Default: every open state.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsEnum(RequestState, { each: true })
  states?: RequestState[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  unassigned: boolean = false;

  @Field({ defaultValue: false, description: 'At risk or due within 24 hours.' })
  @IsBoolean()
  dueSoon: boolean = false;

  @Field({ defaultValue: false, description: 'Past the (pause-shifted) original due moment.' })
  @IsBoolean()
  breached: boolean = false;
}

@ArgsType()
export class DeskMetricsArgs {
  @Field(() => ID, { nullable: true, description: 'One service; default every service the viewer may see.' })
  @IsOptional()
  @IsUUID()
  supportServiceId?: string;

  @Field(() => Int, { defaultValue: 12 })
  @IsInt()
  @Min(1)
  @Max(24)
  months: number = 12;

  @Field({ defaultValue: false, description: 'One row per category (instead of one per service).' })
  @IsBoolean()
  byCategory: boolean = false;

  @Field({ defaultValue: false, description: 'One row per requesting team (instead of one per service).' })
  @IsBoolean()
  byTeam: boolean = false;
}

@ArgsType()
export class RequestIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
