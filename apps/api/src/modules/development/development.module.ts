import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { SurveyModule } from '../survey/survey.module';
import { DecisionsService } from './decisions.service';
import { SkillsService } from './skills.service';
import { TrainingService } from './training.service';
import { CareersService } from './careers.service';
import { DevelopmentReviewService } from './review.service';
import { AutonomyResolver, DevelopmentResolver } from './development.resolver';

@Module({
  imports: [NotificationModule, SurveyModule],
  providers: [
    DecisionsService,
    SkillsService,
    TrainingService,
    CareersService,
    DevelopmentReviewService,
    AutonomyResolver,
    DevelopmentResolver,
  ],
  exports: [DecisionsService],
})
export class DevelopmentModule {}
