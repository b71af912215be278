import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { EventsService } from '../src/events/events.service';
import { MAIL_QUEUE } from '../src/jobs/queues';
import { TenantDatabase } from '../src/tenancy/tenant-database.service';
import { WorkerModule } from '../src/worker.module';
import { BenchCase, logger, makeCase, median, round, runMain, writeResults } from './lib';
import { startWithProvince } from './province';

/*
 * `node dist-bench/bench/mail.js`: mail delivered per second through the outbox — events
 * published in province transactions (rows written, jobs enqueued after commit), then claimed,
 * sent over SMTP and marked sent by a worker — against bare nodemailer sends of the same
 * messages over the same pooled connections, in the same run, to the same local SMTP sink (a
 * child process, so neither side shares its event loop with the server). Rounds alternate the
 * two; the medians are compared. Goal: ratio ≥ 0.8.
 */
const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 2000);
const ROUNDS = Number(process.env.BENCH_MAIL_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_MAIL_CONCURRENCY ?? 8);
/** Events per publishing transaction: a busy province's actions, many users each. */
const EVENTS_PER_TRANSACTION = 50;
const DATABASE = process.env.BENCH_MAIL_DATABASE ?? 'daftar_bench_mail';
const GOAL = 0.8;
const log = logger('bench:mail');

/** Child process: an SMTP server that accepts everything and reports each accepted message. */
async function sink(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SMTPServer } = require('smtp-server');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream: NodeJS.ReadableStream, _session: unknown, callback: () => void) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        process.send?.('accepted');
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }));
}

class SinkCounter {
  accepted = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (m) => {
      if (m !== 'accepted') return;
      this.accepted++;
      for (const w of this.waiters.filter((x) => this.accepted >= x.n)) w.resolve();
      this.waiters = this.waiters.filter((x) => this.accepted < x.n);
    });
  }
  until(n: number): Promise<void> {
    return this.accepted >= n ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

async function main(): Promise<void> {
  const child = fork(__filename, ['sink'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) =>
    child.on('message', (m: { port?: number }) => m?.port && resolve(m.port)),
  );
  const counter = new SinkCounter(child);
  const smtpUrl = `smtp://127.0.0.1:${port}`;

  log(`database ${DATABASE}, ${MESSAGES} messages × ${ROUNDS} rounds, ${CONCURRENCY} at once`);
  const { cli, config, province } = await startWithProvince({
    database: DATABASE,
    redisPrefix: `bench-mail-${process.pid}`,
    env: { SMTP_URL: smtpUrl, MAIL_CONCURRENCY: String(CONCURRENCY) },
    province: { slug: 'bench', name: 'Bench province', adminEmail: 'admin@bench.gov.pk' },
  });
  const ds = cli.get(DataSource);
  const users: { id: string; email: string; name: string }[] = await ds.query(
    `INSERT INTO t_bench.users (email, name, roles, status, locale)
     SELECT 'user' || g || '@bench.gov.pk', 'User ' || g, '{viewer}', 'active', ` +
      `CASE WHEN g % 2 = 0 THEN 'ur' ELSE 'en' END FROM generate_series(1, $1::int) g
     RETURNING id, email, name`,
    [MESSAGES],
  );
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });

  const outboxRates: number[] = [];
  const publishRates: number[] = [];
  const bareRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bareRates.push(await bare(smtpUrl, counter, users, config));
    const { deliveryRate, publishRate } = await outbox(cli, province, counter, users);
    outboxRates.push(deliveryRate);
    publishRates.push(publishRate);
    log(
      `round ${r + 1}: outbox ${round(deliveryRate)}/s (written ${round(publishRate)}/s), ` +
        `bare nodemailer ${round(bareRates[r])}/s`,
    );
  }
  await worker.close();
  await cli.close();
  child.kill();

  const value = median(outboxRates);
  const baseline = median(bareRates);
  const cases: BenchCase[] = [
    makeCase(
      `Mail: ${MESSAGES} outbox messages delivered per second`,
      'msg/s',
      value,
      baseline,
      `≥ ${GOAL} × bare nodemailer`,
      (ratio) => ratio >= GOAL,
      `${CONCURRENCY} SMTP connections; rounds: outbox ${outboxRates.map((x) => round(x)).join(', ')}; ` +
        `bare ${bareRates.map((x) => round(x)).join(', ')}; ` +
        `ratio per round ${outboxRates.map((x, i) => round(x / bareRates[i], 2)).join(', ')}`,
    ),
    makeCase(
      `Mail: events written to the outbox per second (${EVENTS_PER_TRANSACTION} per transaction)`,
      'events/s',
      median(publishRates),
      null,
      'report',
      undefined,
      'event row, recipient lookup, rendered message, job enqueued after commit',
    ),
  ];
  writeResults('mail', {
    title: 'Mail benchmark',
    method:
      `Outbox: events published in province transactions (${EVENTS_PER_TRANSACTION} per transaction) ` +
      `while the mail queue is paused, one outbox row and one job per message; ` +
      `then the queue resumes and the worker delivers (claim, SMTP, mark sent); ` +
      `timed from the resume to the last message accepted by the sink. ` +
      `Baseline: the same number of messages sent by bare nodemailer ` +
      `over the same pooled connections (${CONCURRENCY} at once). ` +
      `Same sink (a child process), same run, rounds alternating; medians.`,
    figures: { messages: MESSAGES, rounds: ROUNDS, concurrency: CONCURRENCY, outboxRates, publishRates, bareRates },
    cases,
  });
}

/** Bare nodemailer: CONCURRENCY sends in flight over a pool of as many connections. */
async function bare(
  smtpUrl: string,
  counter: SinkCounter,
  users: { email: string; name: string }[],
  config: AppConfig,
): Promise<number> {
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: CONCURRENCY,
    maxMessages: Infinity,
  } as SMTPPool.Options);
  const start = counter.accepted;
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < users.length) {
      const u = users[next++];
      await transport.sendMail({
        from: config.mail.from,
        to: u.email,
        subject: `Reset your Daftar password — Bench province`,
        text: `Dear ${u.name}, …`,
        html: `<p>Dear ${u.name}, …</p>`,
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  await counter.until(start + users.length);
  const seconds = (performance.now() - t0) / 1000;
  transport.close();
  return users.length / seconds;
}

/** The production path: password-reset events → outbox rows → jobs → the worker's deliveries. */
async function outbox(
  cli: INestApplicationContext,
  province: Parameters<TenantDatabase['runAs']>[0],
  counter: SinkCounter,
  users: { id: string }[],
): Promise<{ deliveryRate: number; publishRate: number }> {
  const tenantDb = cli.get(TenantDatabase);
  const events = cli.get(EventsService);
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  const queue = cli.get<Queue>(getQueueToken(MAIL_QUEUE));
  // Paused while the outbox fills, so delivery is timed on its own (publishing is reported apart).
  await queue.pause();
  const start = counter.accepted;
  const t0 = performance.now();
  await tenantDb.runAs(province, async () => {
    for (let i = 0; i < users.length; i += EVENTS_PER_TRANSACTION) {
      await tenantDb.transaction(async (em) => {
        for (const u of users.slice(i, i + EVENTS_PER_TRANSACTION)) {
          await events.publish(em, {
            type: 'user.password-reset',
            data: { userId: u.id, link: `http://bench.localhost/reset-password?token=${u.id}`, expiresAt },
          });
        }
      });
    }
  });
  const published = performance.now();
  await queue.resume();
  await counter.until(start + users.length);
  const delivered = performance.now();
  return {
    deliveryRate: users.length / ((delivered - published) / 1000),
    publishRate: users.length / ((published - t0) / 1000),
  };
}

runMain(process.argv[2] === 'sink' ? sink() : main());
