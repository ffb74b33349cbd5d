import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export enum HolidaySource {
  COUNTRY = 'COUNTRY',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(HolidaySource, {
  name: 'HolidaySource',
  description:
    'COUNTRY: a public holiday of the organisation’s country (and region); ORGANIZATION: added by HR.',
});

@ObjectType({ description: 'A day off of the organisation’s business calendar.' })
export class OrganizationHoliday {
  @Field({ description: 'Local date YYYY-MM-DD.' }) date: string;
  @Field(() => String, { nullable: true, description: 'Its name, for a country’s holiday.' }) name:
    string | null;
  @Field(() => HolidaySource) source: HolidaySource;
  @Field({ description: 'A country’s holiday the organisation works: not a day off.' }) removed: boolean;
}

@ObjectType()
export class HolidayRegion {
  @Field() code: string;
  @Field() name: string;
}

@ObjectType({ description: 'A country whose public holidays are known, with its regions.' })
export class HolidayCountry {
  @Field() code: string;
  @Field() name: string;
  @Field(() => [HolidayRegion]) regions: HolidayRegion[];
}

@ArgsType()
export class HolidayLocaleArgs {
  @Field({ defaultValue: 'en', description: 'Language of the names: en or fr.' })
  @IsIn(['en', 'fr'])
  locale: 'en' | 'fr' = 'en';
}

@ArgsType()
export class HolidaysArgs extends HolidayLocaleArgs {
  @Field(() => Int, { nullable: true, description: 'The year; the current one by default.' })
  @IsOptional()
  @IsInt()
  @Min(1970)
  @Max(2199)
  year?: number;
}

@ArgsType()
export class CountryHolidaysArgs extends HolidayLocaleArgs {
  @Field({ description: 'Country code, e.g. FR.' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter country code, e.g. FR' })
  country: string;

  @Field(() => String, { nullable: true, description: 'Region code, e.g. 67.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,10}$/, { message: 'region must be a region code, e.g. 67' })
  region?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1970)
  @Max(2199)
  year: number;
}
