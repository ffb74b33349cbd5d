import { Module } from '@nestjs/common';
import { IncentiveResolver } from './incentive.resolver';
import { IncentiveService } from './incentive.service';

@Module({
  providers: [IncentiveService, IncentiveResolver],
  exports: [IncentiveService],
})
export class IncentiveModule {}
