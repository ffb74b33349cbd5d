import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { SurveyAuthoringService } from './survey-authoring.service';
import { SurveyRuntimeService } from './survey-runtime.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveyParticipationResolver, SurveyResolver, SurveyResultsFieldsResolver } from './survey.resolver';

@Module({
  imports: [NotificationModule],
  providers: [
    SurveyAuthoringService,
    SurveyRuntimeService,
    SurveyResultsService,
    SurveyResolver,
    SurveyParticipationResolver,
    SurveyResultsFieldsResolver,
  ],
  exports: [SurveyRuntimeService, SurveyResultsService],
})
export class SurveyModule {}
