import { Module } from '@nestjs/common';
import { SupportServiceResolver } from './support-service.resolver';

@Module({ providers: [SupportServiceResolver] })
export class SupportServiceModule {}
