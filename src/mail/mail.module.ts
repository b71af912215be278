import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailService } from './mail.service';
import { SmtpTransport } from './smtp-transport';

/**
 * Mail: the outbox consumer of province events (API, worker and CLI all publish events, so all
 * import this), the SMTP transport and delivery. The job processor is in MailDeliveryModule,
 * imported by the worker only.
 */
@Module({
  imports: [NotificationsModule],
  providers: [MailService, MailOutboxRepository, SmtpTransport],
  exports: [MailService, SmtpTransport],
})
export class MailModule {}
