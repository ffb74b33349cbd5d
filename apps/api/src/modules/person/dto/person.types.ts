import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Person } from '../person.entity';
import { DecimalScalar } from '../../../platform/graphql/scalars';
import { PageArgs } from '../../../platform/graphql/page';

@ObjectType({ description: 'Restricted: the person, their line managers, HR and admins only.' })
export class Pay {
  @Field(() => DecimalScalar)
  baseSalary: string;

  @Field()
  currency: string;
}

@ObjectType()
export class PersonPage {
  @Field(() => [Person]) items: Person[];
  @Field(() => Int) totalCount: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}

@ArgsType()
export class SetMyLocaleArgs {
  @Field({ description: 'The language the viewer uses the app in: en or fr.' })
  @IsIn(['en', 'fr'])
  locale: string;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field({ nullable: true, description: 'Matches first name, last name, full name or e-mail.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field({
    nullable: true,
    description: 'Also list former staff (people whose leaving date has come): HR and ADMIN only.',
  })
  @IsOptional()
  @IsBoolean()
  includeFormer?: boolean;
}
