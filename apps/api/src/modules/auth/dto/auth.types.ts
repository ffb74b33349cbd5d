import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Person } from '../../person/person.entity';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'password must be 1 to 200 characters' })
  password: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Short-lived bearer token for the Authorization header.' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @Field(() => Person)
  person: Person;
}
