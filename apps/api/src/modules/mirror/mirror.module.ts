import { Module } from '@nestjs/common';
import { MirrorService } from './mirror.service';
import { MirrorResolver } from './mirror.resolver';
import { IntakeController } from './intake.controller';

@Module({
  providers: [MirrorService, MirrorResolver],
  controllers: [IntakeController],
  exports: [MirrorService],
})
export class MirrorModule {}
