import { Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { SCHEDULE_QUEUE } from '../jobs/queues';
import { TenantJobQueue, TenantWorkerHost } from '../jobs/tenant-jobs';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { REMINDER_JOB, ReminderJob, ReminderSchedules } from './reminder-schedules.service';
import { ReminderRun, RemindersService } from './reminders.service';

/** Worker side of reminders: keeps the per-province schedulers in step and runs their jobs. */
@Processor(SCHEDULE_QUEUE)
export class RemindersProcessor
  extends TenantWorkerHost<ReminderJob, ReminderRun>
  implements OnApplicationBootstrap, OnModuleDestroy
{
  constructor(
    registry: TenantRegistry,
    tenantDb: TenantDatabase,
    tenantJobs: TenantJobQueue,
    private readonly reminders: RemindersService,
    private readonly schedules: ReminderSchedules,
  ) {
    super(registry, tenantDb, tenantJobs);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.watch();
  }

  onModuleDestroy(): void {
    this.schedules.stop();
  }

  protected handle(job: Job<ReminderJob>): Promise<ReminderRun> {
    if (job.name !== REMINDER_JOB)
      throw new UnrecoverableError(`no handler for ${job.name} on the ${SCHEDULE_QUEUE} queue`);
    return this.reminders.remind(job.data.on);
  }
}
