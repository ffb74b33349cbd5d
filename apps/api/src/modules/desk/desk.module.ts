import { Module } from '@nestjs/common';
import { DeskService } from './desk.service';
import {
  DeskResolver,
  RequestEventFieldsResolver,
  ServiceRequestDetailResolver,
  ServiceRequestFieldsResolver,
} from './desk.resolver';
import { NotificationModule } from '../notification/notification.module';

@Module({
  imports: [NotificationModule],
  providers: [
    DeskService,
    DeskResolver,
    ServiceRequestFieldsResolver,
    ServiceRequestDetailResolver,
    RequestEventFieldsResolver,
  ],
  exports: [DeskService],
})
export class DeskModule {}
