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

  @Field(() => String, {
    nullable: true,
    description: 'Country (ISO 3166-1 alpha-2, e.g. FR) whose public holidays are days off; null: none.',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'holidayCountry must be a two-letter country code, e.g. FR' })
  holidayCountry?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Region of that country (see holidayCountries); null: none.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,10}$/, { message: 'holidayRegion must be a region code, e.g. 67' })
  holidayRegion?: string | null;

  @Field(() => [String], { nullable: true, description: 'The country’s holidays the organisation works.' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'holidaysRemoved must be YYYY-MM-DD dates' })
  holidaysRemoved?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['en', 'fr'])
  defaultLocale?: string;
}
