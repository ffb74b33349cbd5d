import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { repoRoot } from '../config/config';
import { OrganizationResolver } from '../../modules/organization/organization.resolver';
import { TeamResolver } from '../../modules/team/team.resolver';
import { PositionResolver } from '../../modules/position/position.resolver';
import { PersonResolver } from '../../modules/person/person.resolver';
import { SupportServiceResolver } from '../../modules/support-service/support-service.resolver';
import { AuthResolver } from '../../modules/auth/auth.resolver';
import { PeopleImportResolver } from '../../modules/people-import/people-import.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import {
  SurveyParticipationResolver,
  SurveyResolver,
  SurveyResultsFieldsResolver,
} from '../../modules/survey/survey.resolver';
import { NotificationResolver } from '../../modules/notification/notification.resolver';
import { MirrorResolver } from '../../modules/mirror/mirror.resolver';
import { AutonomyResolver, DevelopmentResolver } from '../../modules/development/development.resolver';
import { IncentiveResolver } from '../../modules/incentive/incentive.resolver';
import {
  DeskResolver,
  ServiceRequestDetailResolver,
  ServiceRequestFieldsResolver,
  RequestEventFieldsResolver,
} from '../../modules/desk/desk.resolver';

/** Every resolver class: the schema printer and the authorization test both read this list. */
export const RESOLVERS = [
  OrganizationResolver,
  TeamResolver,
  PositionResolver,
  PersonResolver,
  SupportServiceResolver,
  AuthResolver,
  PeopleImportResolver,
  AuditResolver,
  SurveyResolver,
  SurveyParticipationResolver,
  SurveyResultsFieldsResolver,
  NotificationResolver,
  DeskResolver,
  ServiceRequestFieldsResolver,
  ServiceRequestDetailResolver,
  RequestEventFieldsResolver,
  MirrorResolver,
  AutonomyResolver,
  DevelopmentResolver,
  IncentiveResolver,
];

/** Writes apps/api/schema.gql (the web's codegen input) without a database. */
export async function writeSchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  const factory = app.get(GraphQLSchemaFactory);
  const schema = await factory.create(RESOLVERS);
  const file = join(repoRoot(), 'apps/api/schema.gql');
  writeFileSync(file, printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  return file;
}
