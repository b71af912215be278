import { Module } from '@nestjs/common';
import { MailModule } from './mail.module';
import { MailProcessor } from './mail.processor';

/** The worker's half of mail: the MAIL_QUEUE processor and its schedulers. */
@Module({ imports: [MailModule], providers: [MailProcessor] })
export class MailDeliveryModule {}
