import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { OrganizationKind } from '../organization.enums';

@InputType()
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => Int, { nullable: true, description: 'Reporting threshold k, never below 3.' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  anonymityThreshold?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays?: number[];

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'workdayStart must be HH:MM' })
  workdayStart?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'workdayEnd must be HH:MM' })
  workdayEnd?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'publicHolidays must be YYYY-MM-DD dates' })
  publicHolidays?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['en', 'fr'])
  defaultLocale?: string;
}
