import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';
import { MailerService } from '../../platform/mail/mailer.service';

@Module({
  providers: [NotificationResolver, NotificationService, MailerService],
  exports: [NotificationService, MailerService],
})
export class NotificationModule {}
