import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from './platform/config/config';
import { ConfigModule, APP_CONFIG } from './platform/config/config.module';
import { PlatformModule } from './platform/platform.module';
import { dataSourceOptions } from './platform/database/data-source';
import { graphqlConfig } from './platform/graphql/graphql.config';
import { TokenService } from './platform/auth/token.service';
import { AppValidationPipe, validationError } from './platform/graphql/validation.pipe';
import { OrganizationModule } from './modules/organization/organization.module';
import { TeamModule } from './modules/team/team.module';
import { PositionModule } from './modules/position/position.module';
import { PersonModule } from './modules/person/person.module';
import { SupportServiceModule } from './modules/support-service/support-service.module';
import { AuthModule } from './modules/auth/auth.module';
import { PeopleImportModule } from './modules/people-import/people-import.module';
import { SurveyModule } from './modules/survey/survey.module';
import { NotificationModule } from './modules/notification/notification.module';
import { DeskModule } from './modules/desk/desk.module';
import { MirrorModule } from './modules/mirror/mirror.module';
import { DevelopmentModule } from './modules/development/development.module';
import { IncentiveModule } from './modules/incentive/incentive.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, databaseUrl),
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, {
            extra: { max: config.databasePoolSize, application_name: 'symmetry' },
          } as never),
        ),
        PlatformModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG, TokenService, DataSource],
          useFactory: graphqlConfig,
        }),
        OrganizationModule,
        TeamModule,
        PositionModule,
        PersonModule,
        SupportServiceModule,
        AuthModule,
        PeopleImportModule,
        SurveyModule,
        NotificationModule,
        DeskModule,
        MirrorModule,
        DevelopmentModule,
        IncentiveModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new AppValidationPipe({
            transform: true,
            whitelist: true,
            forbidUnknownValues: false,
            exceptionFactory: validationError,
          }),
        },
      ],
    };
  }
}
