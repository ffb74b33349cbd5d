import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PolicyService } from './auth/policy.service';
import { PolicyGuard } from './auth/policy.guard';
import { TokenService } from './auth/token.service';
import { AuditService } from './audit/audit.service';
import { AuditResolver } from './audit/audit.resolver';
import { GraphQLErrorFilter } from './graphql/error-formatting';
import { HealthController } from './health/health.controller';
import { JobsService } from './jobs/jobs.service';

/** Cross-cutting services every domain module may inject. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    PolicyService,
    TokenService,
    AuditService,
    AuditResolver,
    JobsService,
    { provide: APP_GUARD, useClass: PolicyGuard },
    { provide: APP_FILTER, useClass: GraphQLErrorFilter },
  ],
  exports: [PolicyService, TokenService, AuditService, JobsService],
})
export class PlatformModule {}
