import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { MAIL_QUEUE } from '../../src/jobs/queues';
import { MAIL_JOB, MAIL_SCHEDULERS } from '../../src/mail/mail-jobs';
import { EventsService } from '../../src/events/events.service';
import { MailOutboxRepository } from '../../src/mail/mail-outbox.repository';
import { MailService } from '../../src/mail/mail.service';
import { TenantDatabase } from '../../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { act, Province, startWithDemoProvinces, Team, toForum, validDraft } from '../projects/support';
import { Harness } from '../support/harness';
import { eventually, SmtpSink } from './smtp-sink';
import { startWorker } from '../support/worker';
import { member, outboxOf, outboxSettled, stopTakingJobs } from './support';

/**
 * Mail through the outbox, against a real SMTP server on a TCP port: what each event sends, to
 * whom and in which language; SMTP down; a worker killed mid-delivery; redelivery; digests;
 * provinces kept apart.
 */
/** The example PC-I's title (test/fixtures/forms/pc1-infrastructure.json), which the document takes on save. */
const TITLE = 'Rehabilitation and Widening of Bahrain–Kalam Road (34 km), District Swat';

describe('mail', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let smtp: SmtpSink;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    smtp = new SmtpSink(await SmtpSink.freePort());
    await smtp.start();
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_mail_delivery', {
      SMTP_URL: smtp.url,
      MAIL_RETRY_DELAY_MS: '200',
      MAIL_LEASE_SECONDS: '2',
      MAIL_SWEEP_SECONDS: '1',
    }));
    // KP's Urdu name, which Urdu readers get in their mail.
    await h.dataSource.query(
      `UPDATE platform.tenants SET settings = settings || '{"branding":{"titleUr":"خیبر پختونخوا"}}' WHERE slug = 'kp'`,
    );
    await h.api.get(TenantRegistry).invalidate();
    worker = await startWorker(h);
  });

  afterAll(async () => {
    await worker?.close();
    await h?.close();
    await smtp?.stop();
  });

  const invite = (p: Province, email: string, locale: 'en' | 'ur') =>
    h
      .on(p.host)
      .post('/api/users', p.adminToken)
      .send({ email, name: locale === 'ur' ? 'عائشہ خان' : 'Ayesha Khan', locale, roles: ['preparer'] })
      .expect(201);

  it('mails an invitation in the recipient’s language, with the province’s name and the link', async () => {
    const en = await invite(kp, 'officer.en@kp.gov.pk', 'en');
    const ur = await invite(kp, 'officer.ur@kp.gov.pk', 'ur');
    const [mailEn] = await eventually(
      () => smtp.to('officer.en@kp.gov.pk').length === 1 && smtp.to('officer.en@kp.gov.pk'),
      'the English invitation',
    );
    const [mailUr] = await eventually(
      () => smtp.to('officer.ur@kp.gov.pk').length === 1 && smtp.to('officer.ur@kp.gov.pk'),
      'the Urdu invitation',
    );

    expect(mailEn.subject).toBe('Your invitation to Daftar — Khyber Pakhtunkhwa');
    expect(mailEn.text).toContain(en.body.invitation.link);
    expect(mailEn.html).toContain('dir="ltr"');
    expect(mailEn.language).toBe('en');
    // Encoded on the wire (RFC 2047), decoded intact by the reader.
    expect(mailUr.parsed.headerLines.find((l: { key: string }) => l.key === 'subject')?.line).toMatch(/=\?UTF-8\?/i);
    expect(mailUr.subject).toBe('دفتر میں آپ کو مدعو کیا گیا ہے — خیبر پختونخوا');
    expect(mailUr.text).toContain('محترم عائشہ خان');
    expect(mailUr.text).toContain(ur.body.invitation.link);
    expect(mailUr.html).toContain('<html lang="ur" dir="rtl">');
    expect(mailUr.language).toBe('ur');
    expect(mailUr.messageId).toMatch(new RegExp(`^<[0-9a-f-]{36}@kp\\.${h.config.baseDomain.replace('.', '\\.')}>$`));

    const reset = await h.on(kp.host).post(`/api/users/${ur.body.user.id}/password-reset`, kp.adminToken).expect(200);
    const mails = await eventually(
      () => smtp.to('officer.ur@kp.gov.pk').length === 2 && smtp.to('officer.ur@kp.gov.pk'),
      'the reset mail',
    );
    expect(mails[1].subject).toBe('دفتر کا پاس ورڈ دوبارہ ترتیب دیں — خیبر پختونخوا');
    expect(mails[1].text).toContain(reset.body.link);
    await eventually(() => outboxSettled(h, kp), 'the outbox to settle');
    expect(smtp.to('officer.en@kp.gov.pk')).toHaveLength(1);
    expect(smtp.to('officer.ur@kp.gov.pk')).toHaveLength(2);
  });

  it('mails each document event to exactly the people concerned, each in their language', async () => {
    const preparer = await member(h, kp, 'preparer', { department: 'CW' });
    const cwReviewer = await member(h, kp, 'reviewer', { department: 'CW', locale: 'ur' });
    const otherReviewer = await member(h, kp, 'reviewer', { department: 'AGRI' });
    const cwColleague = await member(h, kp, 'preparer', { department: 'CW' });
    const cwViewer = await member(h, kp, 'viewer', { department: 'CW' });
    const approver = await member(h, kp, 'approver');
    const team: Team = {
      province: kp,
      preparer: preparer.token,
      reviewer: cwReviewer.token,
      approver: approver.token,
      viewer: cwViewer.token,
    };
    const everyone = [preparer, cwReviewer, otherReviewer, cwColleague, cwViewer, approver];
    const inbox = () => Object.fromEntries(everyone.map((u) => [u.email, smtp.to(u.email).map((m) => m.subject)]));
    const settle = () => eventually(() => outboxSettled(h, kp), 'the outbox to settle');

    const { id } = await validDraft(h, team);
    await act(h, kp.host, preparer.token, id, 'submit').then((r) => expect(r.status).toBe(200));
    await settle();
    // Submitted: the document's department's reviewers only, in Urdu for this one.
    expect(inbox()).toEqual({
      [preparer.email]: [],
      [cwReviewer.email]: [`جائزے کے لیے جمع: PC-I “${TITLE}” — خیبر پختونخوا`],
      [otherReviewer.email]: [],
      [cwColleague.email]: [],
      [cwViewer.email]: [],
      [approver.email]: [],
    });

    await act(h, kp.host, cwReviewer.token, id, 'start-review').then((r) => expect(r.status).toBe(200));
    await act(h, kp.host, cwReviewer.token, id, 'return', 'Add the land acquisition costs to item 7.').then((r) =>
      expect(r.status).toBe(200),
    );
    await settle();
    // Returned: the preparer, with the comment; starting the review announced nothing.
    const returned = smtp.to(preparer.email);
    expect(returned.map((m) => m.subject)).toEqual([
      `Returned for rectification: PC-I “${TITLE}” — Khyber Pakhtunkhwa`,
    ]);
    expect(returned[0].text).toContain('> Add the land acquisition costs to item 7.');
    expect(returned[0].text).toContain(`/documents/${id}`);
    expect(smtp.to(cwReviewer.email)).toHaveLength(1);

    await toForum(h, team, id);
    await act(h, kp.host, approver.token, id, 'approve').then((r) => expect(r.status).toBe(200));
    await settle();
    const subjects = inbox();
    // Before the forum and approved: the preparer and the department's working users (not the
    // viewer, not another department, not the actor of each step).
    expect(subjects[preparer.email]).toEqual([
      `Returned for rectification: PC-I “${TITLE}” — Khyber Pakhtunkhwa`,
      `Placed before the forum: PC-I “${TITLE}” — Khyber Pakhtunkhwa`,
      `Approved: PC-I “${TITLE}” — Khyber Pakhtunkhwa`,
    ]);
    expect(subjects[cwColleague.email]).toEqual(subjects[preparer.email].slice(1));
    expect(subjects[cwReviewer.email]).toEqual([
      `جائزے کے لیے جمع: PC-I “${TITLE}” — خیبر پختونخوا`,
      `جائزے کے لیے جمع: PC-I “${TITLE}” — خیبر پختونخوا`,
      `منظور: PC-I “${TITLE}” — خیبر پختونخوا`,
    ]);
    expect(subjects[otherReviewer.email]).toEqual([]);
    expect(subjects[cwViewer.email]).toEqual([]);
    expect(subjects[approver.email]).toEqual([]);
  });

  it('keeps mail in the outbox while SMTP is down and sends it, once, when it is back', async () => {
    await smtp.stop();
    await invite(kp, 'while.down@kp.gov.pk', 'en');
    const row = await eventually(
      async () =>
        (await outboxOf(h, kp)).find(
          (r) => r.to_address === 'while.down@kp.gov.pk' && r.attempts >= 2 && r.status === 'pending',
        ),
      'failed attempts',
    );
    expect(row.status).toBe('pending');
    await smtp.start();
    await eventually(
      async () => (await outboxOf(h, kp)).find((r) => r.id === row.id)?.status === 'sent',
      'delivery after SMTP is back',
    );
    expect(smtp.to('while.down@kp.gov.pk')).toHaveLength(1);
  });

  it('loses and doubles nothing when a worker dies mid-delivery; a redelivered job sends nothing', async () => {
    smtp.holdNext();
    await invite(kp, 'mid.delivery@kp.gov.pk', 'en');
    await smtp.waitUntilHeld();
    // The worker stops dead while the server has the message but has not said 250: it takes no
    // more jobs, renews nothing, and its send hangs (as a dead process's connection would).
    const dead = worker!;
    await stopTakingJobs(dead);
    worker = undefined;
    const [row] = (await outboxOf(h, kp)).filter((r) => r.to_address === 'mid.delivery@kp.gov.pk');
    expect(row.status).toBe('sending');

    // Another worker takes it over once the dead one's lease has run out (found by the sweep).
    worker = await startWorker(h);
    await eventually(
      async () => (await outboxOf(h, kp)).find((r) => r.id === row.id)?.status === 'sent',
      'delivery by the second worker',
    );
    const received = smtp.to('mid.delivery@kp.gov.pk');
    expect(received).toHaveLength(1);

    // The first worker's send fails at last (never accepted): its outdated claim settles nothing.
    const failedLate = new Promise<void>((resolve) => {
      const outbox = dead.get(MailOutboxRepository);
      const markFailed = outbox.markFailed.bind(outbox);
      outbox.markFailed = (...args) => markFailed(...args).finally(resolve);
    });
    smtp.refuseHeld();
    await failedLate;
    await dead.close();
    expect((await outboxOf(h, kp)).find((r) => r.id === row.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.to('mid.delivery@kp.gov.pk')).toHaveLength(1);

    // BullMQ delivers at least once: the same message's job again sends nothing.
    const queue = worker.get<Queue>(getQueueToken(MAIL_QUEUE));
    const again = await queue.add(MAIL_JOB.deliver, { tenantId: kp.id, messageId: row.id });
    const finished = await eventually(async () => {
      const job = await queue.getJob(again.id!);
      return job?.finishedOn ? job : false;
    }, 'the redelivered job');
    expect(finished.returnvalue).toBe('skipped');
    expect(smtp.to('mid.delivery@kp.gov.pk')).toHaveLength(1);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);
  });

  it('gathers business mail into one daily digest for users who chose it; account mail stays immediate', async () => {
    const preparer = await member(h, kp, 'preparer', { department: 'ESED', locale: 'ur' });
    const reviewer = await member(h, kp, 'reviewer', { department: 'ESED' });
    await h
      .on(kp.host)
      .patch('/api/me', reviewer.token)
      .send({ mailDelivery: 'digest' })
      .expect(200)
      .then((r) => expect(r.body.mailDelivery).toBe('digest'));
    await h
      .on(kp.host)
      .patch('/api/me', reviewer.token)
      .send({ mailDelivery: 'weekly' })
      .expect(400)
      .then((r) => expect(r.body.fields).toHaveProperty('mailDelivery'));
    const team: Team = { province: kp, preparer: preparer.token, reviewer: reviewer.token, approver: '', viewer: '' };
    const first = await validDraft(h, team);
    const second = await validDraft(h, team);
    for (const d of [first, second])
      await act(h, kp.host, preparer.token, d.id, 'submit').then((r) => expect(r.status).toBe(200));
    await eventually(() => outboxSettled(h, kp), 'the outbox to settle');
    expect(smtp.to(reviewer.email)).toEqual([]);
    expect((await outboxOf(h, kp)).filter((r) => r.to_address === reviewer.email).map((r) => r.status)).toEqual([
      'held',
      'held',
    ]);
    // A reset link must work today: account mail ignores the digest choice.
    await h.on(kp.host).post(`/api/users/${reviewer.id}/password-reset`, kp.adminToken).expect(200);
    await eventually(() => smtp.to(reviewer.email).length === 1, 'the immediate reset mail');
    expect(smtp.to(reviewer.email)[0].subject).toBe('Reset your Daftar password — Khyber Pakhtunkhwa');

    // The daily job (run here directly, twice, as two workers might): one digest with both.
    const mail = worker!.get(MailService);
    const tenantDb = worker!.get(TenantDatabase);
    const province = (await worker!.get(TenantRegistry).findById(kp.id))!;
    const made = await Promise.all([1, 2].map(() => tenantDb.runAs(province, () => mail.sendDigests('2026-12-01'))));
    expect(made.reduce((a, b) => a + b, 0)).toBe(1);
    const [, digest] = await eventually(
      () => smtp.to(reviewer.email).length === 2 && smtp.to(reviewer.email),
      'the digest',
    );
    expect(digest.subject).toBe('Your daily summary — Khyber Pakhtunkhwa (2 updates)');
    expect(digest.text.match(/Submitted for review: PC-I “Rehabilitation and Widening/g)).toHaveLength(2);
    expect(await tenantDb.runAs(province, () => mail.sendDigests('2026-12-01'))).toBe(0);

    // Scheduled once per deployment at the digest hour in the province's time zone.
    const scheduler = await worker!.get<Queue>(getQueueToken(MAIL_QUEUE)).getJobScheduler(MAIL_SCHEDULERS.digest);
    expect(scheduler).toMatchObject({ pattern: `0 ${h.config.mail.digestHour} * * *`, tz: h.config.timeZone });
  });

  it(
    'reminds the preparer and the department of reports due and overdue, ' + 'and admins of a disabled webhook',
    async () => {
      const preparer = await member(h, kp, 'preparer', { department: 'AGRI', locale: 'ur' });
      const colleague = await member(h, kp, 'reviewer', { department: 'AGRI' });
      const outsider = await member(h, kp, 'preparer', { department: 'CW' });
      const kpRecord = (await h.api.get(TenantRegistry).findById(kp.id))!;
      const tenantDb = h.api.get(TenantDatabase);
      const events = h.api.get(EventsService);
      const data = {
        projectId: '00000000-0000-4000-8000-000000000010',
        projectTitle: 'Swat orchards',
        kind: 'pc3b',
        period: '2026-10',
        dueDate: '2026-12-10',
        departmentId: colleague.departmentId,
        preparedBy: preparer.id,
      };
      await tenantDb.runAs(kpRecord, () =>
        tenantDb.transaction(async (em) => {
          await events.publish(em, { type: 'obligation.due', data });
          await events.publish(em, {
            type: 'obligation.overdue',
            data: { ...data, period: '2026-09', dueDate: '2026-10-10' },
          });
          await events.publish(em, {
            type: 'webhook.disabled',
            data: {
              subscriptionId: '00000000-0000-4000-8000-000000000011',
              url: 'https://example.org/hook',
              failures: 15,
              lastError: 'HTTP 500',
            },
          });
        }),
      );
      await eventually(() => outboxSettled(h, kp), 'the outbox to settle');
      expect(smtp.to(preparer.email).map((m) => m.subject)).toEqual([
        'رپورٹ واجب: \u2068PC-III(B) (2026-10)\u2069 — “Swat orchards” — خیبر پختونخوا',
        'رپورٹ واجب الادا: \u2068PC-III(B) (2026-09)\u2069 — “Swat orchards” — خیبر پختونخوا',
      ]);
      expect(smtp.to(colleague.email).map((m) => m.subject)).toEqual([
        'Report due: PC-III(B) (2026-10) — “Swat orchards” — Khyber Pakhtunkhwa',
        'Report overdue: PC-III(B) (2026-09) — “Swat orchards” — Khyber Pakhtunkhwa',
      ]);
      expect(smtp.to(colleague.email)[1].text).toContain('was due on 2026-10-10');
      expect(smtp.to(outsider.email)).toEqual([]);
      expect(smtp.to(kp.adminEmail).map((m) => m.subject)).toEqual(['Webhook disabled — Khyber Pakhtunkhwa']);
    },
  );

  it("never mails one province's users about another province's events", async () => {
    const kpReviewer = await member(h, kp, 'reviewer');
    const gbReviewer = await member(h, gb, 'reviewer', { locale: 'ur' });
    const before = smtp.received.length;
    // A GB document event with no department: every GB reviewer is concerned, and only they.
    const gbRecord = (await h.api.get(TenantRegistry).findById(gb.id))!;
    const tenantDb = h.api.get(TenantDatabase);
    await tenantDb.runAs(gbRecord, () =>
      tenantDb.transaction((em) =>
        h.api.get(EventsService).publish(em, {
          type: 'document.submitted',
          data: {
            documentId: '00000000-0000-4000-8000-000000000001',
            projectId: '00000000-0000-4000-8000-000000000002',
            projectTitle: 'Skardu water supply',
            kind: 'pc2',
            action: 'submit',
            from: 'draft',
            to: 'submitted',
            comment: null,
            forum: null,
            actorId: '00000000-0000-4000-8000-000000000003',
            actorName: 'GB preparer',
            departmentId: null,
            preparedBy: null,
          },
        }),
      ),
    );
    await invite(gb, 'officer@gb.gov.pk', 'en');
    await eventually(() => outboxSettled(h, gb), "GB's outbox to settle");
    const gbMail = await eventually(
      () => smtp.received.length - before >= 2 && smtp.received.slice(before),
      'the GB mail',
    );
    expect(gbMail.map((m) => m.to).sort()).toEqual([gbReviewer.email, 'officer@gb.gov.pk'].sort());
    expect(gbMail.every((m) => /@gb\./.test(m.messageId))).toBe(true);
    expect(smtp.to(gbReviewer.email)[0].subject).toBe(
      'جائزے کے لیے جمع: PC-II “Skardu water supply” — Gilgit-Baltistan',
    );
    expect(smtp.to('officer@gb.gov.pk')[0].subject).toBe('Your invitation to Daftar — Gilgit-Baltistan');
    expect(smtp.to(kpReviewer.email)).toEqual([]);
    // Neither outbox holds the other province's users.
    expect((await outboxOf(h, kp)).filter((r) => r.to_address.endsWith('@gb.gov.pk'))).toEqual([]);
    expect((await outboxOf(h, gb)).filter((r) => r.to_address.endsWith('@kp.gov.pk'))).toEqual([]);
  });
});
