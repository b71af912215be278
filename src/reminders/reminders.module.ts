import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { ReminderSchedules } from './reminder-schedules.service';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** Reporting reminders; RemindersProcessor (worker only) runs them and keeps their schedules. */
@Module({
  imports: [ProjectsModule],
  providers: [RemindersService, RemindersRepository, ReminderSchedules],
  exports: [RemindersService, ReminderSchedules],
})
export class RemindersModule {}
