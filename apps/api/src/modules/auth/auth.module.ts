import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionPurgeJob } from './session-purge.job';

@Module({ providers: [AuthResolver, AuthService, SessionPurgeJob] })
export class AuthModule {}
