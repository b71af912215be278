import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { SCHEDULE_QUEUE } from '../../src/jobs/queues';
import { ReminderSchedules, REMINDER_JOB } from '../../src/reminders/reminder-schedules.service';
import { RemindersService } from '../../src/reminders/reminders.service';
import { TenantJobQueue } from '../../src/jobs/tenant-jobs';
import { schemaNameFor } from '../../src/tenancy/slug';
import { TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { Harness, ProvisionedProvince } from '../support/harness';
import { startWorker } from '../support/worker';
import { waitFor } from '../webhooks/support';

/**
 * Reporting reminders with two worker processes of one deployment (the Harness worker and a
 * second Nest context with its own connections): each obligation is reminded once per local
 * day however many times and by however many workers the day's job runs.
 */
describe('reporting reminders', () => {
  let h: Harness;
  let second: INestApplicationContext;
  let p: ProvisionedProvince & { adminToken: string };
  let schema: string;

  beforeAll(async () => {
    h = await Harness.start({
      worker: true,
      env: { REMINDER_HOUR: '7', REMINDER_DUE_SOON_DAYS: '14', TIME_ZONE: 'Asia/Karachi' },
    });
    second = await startWorker(h);
    p = await h.provinceWithAdmin('remind');
    schema = schemaNameFor(p.slug);
    // Two projects approved mid-September: PC-III(B) for October (due 5 Nov), November (due 5 Dec), December (due 5
    // Jan).
    await h.dataSource.query(
      `INSERT INTO ${schema}.projects (title, status, approved_at, approved_cost) VALUES ('Swat expressway', ` +
        `'approved', '2026-09-15', 1000), ('Chitral water supply', 'approved', '2026-09-20', 500)`,
    );
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
  });

  const remindOn = async (worker: INestApplicationContext, day: string) => {
    const tenant = await worker.get(TenantRegistry).findById(p.id);
    return worker.get(TenantDatabase).runAs(tenant!, () => worker.get(RemindersService).remind(day));
  };
  const eventsOf = (
    day: string,
  ): Promise<{ type: string; data: { projectTitle: string; period: string; dueDate: string } }[]> =>
    h.dataSource.query(
      `SELECT e.type, e.data FROM ${schema}.province_events e JOIN ${schema}.obligation_reminders r ON r.event_id = e.id
        WHERE r.local_date = $1 ORDER BY e.data->>'dueDate', e.data->>'projectTitle'`,
      [day],
    );
  const allObligationEvents = async () =>
    Number(
      (
        await h.dataSource.query(`SELECT count(*) AS n FROM ${schema}.province_events WHERE type LIKE 'obligation.%'`)
      )[0].n,
    );

  test(
    'each obligation is reminded once a day, with both workers running ' +
      'the day at the same time, and again the next day',
    async () => {
      const runs = await Promise.all(
        [h.worker!, second, h.worker!, second, h.worker!, second].map((w) => remindOn(w, '2026-12-01')),
      );
      expect(runs.reduce((n, r) => n + r.due + r.overdue, 0)).toBe(4);
      expect(runs.reduce((n, r) => n + r.overdue, 0)).toBe(2);
      expect((await eventsOf('2026-12-01')).map((e) => `${e.type} ${e.data.projectTitle} ${e.data.period}`)).toEqual([
        'obligation.overdue Chitral water supply 2026-10',
        'obligation.overdue Swat expressway 2026-10',
        'obligation.due Chitral water supply 2026-11',
        'obligation.due Swat expressway 2026-11',
      ]);
      expect(await allObligationEvents()).toBe(4);
      // The list the reminders read is the one the API shows.
      const listed = await h.on(p.host).get('/api/obligations?status=overdue&on=2026-12-01', p.adminToken).expect(200);
      expect(
        listed.body.items.map((o: { projectTitle: string; period: string }) => `${o.projectTitle} ${o.period}`).sort(),
      ).toEqual(['Chitral water supply 2026-10', 'Swat expressway 2026-10']);

      // The same day again: nothing more.
      const again = await Promise.all([remindOn(h.worker!, '2026-12-01'), remindOn(second, '2026-12-01')]);
      expect(again.map((r) => r.due + r.overdue)).toEqual([0, 0]);
      expect(await allObligationEvents()).toBe(4);

      // The next day: once more each.
      const next = await Promise.all([remindOn(second, '2026-12-02'), remindOn(h.worker!, '2026-12-02')]);
      expect(next.reduce((n, r) => n + r.due + r.overdue, 0)).toBe(4);
      expect(await eventsOf('2026-12-02')).toHaveLength(4);
      expect(await allObligationEvents()).toBe(8);
    },
  );

  test(
    'through the queue: the same day queued twice, taken by either worker, ' + 'still reminds each obligation once',
    async () => {
      const queue = h.api.get<Queue>(getQueueToken(SCHEDULE_QUEUE));
      const jobs = await h.api.get(TenantJobQueue).addBulk(queue, p.id, [
        { name: REMINDER_JOB, data: { tenantId: p.id, on: '2026-12-03' } },
        { name: REMINDER_JOB, data: { tenantId: p.id, on: '2026-12-03' } },
      ]);
      const results = await waitFor('both reminder jobs', async () => {
        const states = await Promise.all(jobs.map(async (j) => (await queue.getJob(j.id!))!));
        const finished = await Promise.all(states.map((j) => j.getState()));
        if (finished.some((s) => s === 'failed'))
          throw new Error(`a reminder job failed: ${states.map((j) => j.failedReason).join('; ')}`);
        return (
          finished.every((s) => s === 'completed') &&
          states.map((j) => j.returnvalue as { due: number; overdue: number })
        );
      });
      expect(results.reduce((n, r) => n + r.due + r.overdue, 0)).toBe(4);
      expect(await eventsOf('2026-12-03')).toHaveLength(4);
    },
  );

  test(
    'schedulers: one per active province, daily at REMINDER_HOUR in the ' +
      "province's time zone; removed on suspension, back on resumption",
    async () => {
      const queue = h.api.get<Queue>(getQueueToken(SCHEDULE_QUEUE));
      const schedulerOf = async (tenantId: string) =>
        (await queue.getJobSchedulers(0, -1)).find(
          (s) => s && (s.id ?? s.key) === h.worker!.get(ReminderSchedules).schedulerId(tenantId),
        );
      const mine = await waitFor('the scheduler of the province', () => schedulerOf(p.id));
      expect(mine).toMatchObject({
        pattern: '0 7 * * *',
        tz: 'Asia/Karachi',
        name: REMINDER_JOB,
        template: { data: { tenantId: p.id } },
      });
      // 07:00 in Karachi (UTC+5) is 02:00 UTC.
      expect(new Date(mine.next!).getUTCHours()).toBe(2);
      expect(new Date(mine.next!).getUTCMinutes()).toBe(0);

      // A province provisioned while the workers run gets its own at once.
      const later = await h.provinceWithAdmin('remind2');
      await waitFor('the new province scheduler', () => schedulerOf(later.id));

      const operator = await h.operatorToken();
      await h
        .on(h.platformHost)
        .post(`/api/platform/tenants/${later.slug}/suspend`, operator)
        .send({ reason: 'test' })
        .expect(200);
      await waitFor('the suspended province scheduler to go', async () => (await schedulerOf(later.id)) === undefined);
      expect(await schedulerOf(p.id)).toBeDefined();
      await h.on(h.platformHost).post(`/api/platform/tenants/${later.slug}/resume`, operator).expect(200);
      await waitFor('the resumed province scheduler', () => schedulerOf(later.id));
    },
  );
});
