import { schemaNameFor } from '../../src/tenancy/slug';
import { act, Province, startWithDemoProvinces, Team, validDraft } from '../projects/support';
import { Harness } from '../support/harness';
import { member, outboxOf } from '../mail/support';

/** The bell: notifications written from province events, read, paged and marked read by their owner only. */
describe('in-app notifications', () => {
  let h: Harness;
  let kp: Province;
  let gb: Province;
  let preparer: Awaited<ReturnType<typeof member>>;
  let reviewer: Awaited<ReturnType<typeof member>>;
  let documentId: string;

  beforeAll(async () => {
    // No SMTP_URL: mail waits in the outbox, which this spec also checks.
    ({ h, kp, gb } = await startWithDemoProvinces('daftar_test_notifications'));
    preparer = await member(h, kp, 'preparer', { department: 'CW' });
    reviewer = await member(h, kp, 'reviewer', { department: 'CW', locale: 'ur' });
    const team: Team = { province: kp, preparer: preparer.token, reviewer: reviewer.token, approver: '', viewer: '' };
    ({ id: documentId } = await validDraft(h, team));
    await act(h, kp.host, preparer.token, documentId, 'submit').then((r) => expect(r.status).toBe(200));
    await act(h, kp.host, reviewer.token, documentId, 'start-review').then((r) => expect(r.status).toBe(200));
    await act(h, kp.host, reviewer.token, documentId, 'return', 'Item 7: add land costs').then((r) =>
      expect(r.status).toBe(200),
    );
    await act(h, kp.host, preparer.token, documentId, 'submit').then((r) => expect(r.status).toBe(200));
  });

  afterAll(async () => {
    await h?.close();
  });

  const list = (user: { token: string }, query = '', host = kp.host) =>
    h.on(host).get(`/api/notifications${query}`, user.token);

  it('tells the people concerned, in their language, with a link to the document', async () => {
    const mine = (await list(reviewer).expect(200)).body;
    expect(mine).toMatchObject({ unread: 2, total: 2, page: 1, pageSize: 20 });
    expect(mine.items[0]).toMatchObject({
      type: 'document.submitted',
      documentId,
      link: `/documents/${documentId}`,
      read: false,
    });
    expect(mine.items[0].title).toMatch(/^جائزے کے لیے جمع: PC-I “/);
    expect((await list(reviewer, '?locale=en').expect(200)).body.items[0].title).toMatch(
      /^Submitted for review: PC-I “/,
    );

    const theirs = (await list(preparer).expect(200)).body;
    expect(theirs.items.map((n: { type: string }) => n.type)).toEqual(['document.returned']);
    expect(theirs.items[0].body).toContain('Item 7: add land costs');
  });

  it('pages, marks one and all read, and counts what is unread', async () => {
    const first = (await list(reviewer, '?pageSize=1').expect(200)).body;
    const second = (await list(reviewer, '?pageSize=1&page=2').expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(first.items[0].id).not.toBe(second.items[0].id);
    expect((await list(reviewer, '?pageSize=1&page=3').expect(200)).body.items).toEqual([]);

    await h.on(kp.host).post(`/api/notifications/${second.items[0].id}/read`, reviewer.token).expect(204);
    expect((await list(reviewer).expect(200)).body).toMatchObject({ unread: 1, total: 2 });
    expect((await list(reviewer, '?unread=true').expect(200)).body).toMatchObject({ unread: 1, total: 1 });
    // Marking it again changes nothing.
    await h.on(kp.host).post(`/api/notifications/${second.items[0].id}/read`, reviewer.token).expect(204);
    expect((await h.on(kp.host).post('/api/notifications/read-all', reviewer.token).expect(200)).body).toEqual({
      marked: 1,
    });
    expect((await list(reviewer).expect(200)).body).toMatchObject({ unread: 0, total: 2 });
  });

  it('refuses bad queries naming the field', async () => {
    for (const [query, field] of [
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=101', 'pageSize'],
      ['?page=x', 'page'],
      ['?page=10001', 'page'],
      ['?unread=maybe', 'unread'],
      ['?locale=fr', 'locale'],
    ]) {
      const res = await list(reviewer, query).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
    await h.on(kp.host).post('/api/notifications/not-a-uuid/read', reviewer.token).expect(400);
  });

  it("keeps each user's and each province's notifications to themselves", async () => {
    const reviewers = (await list(reviewer).expect(200)).body.items;
    // Another user of the same province cannot mark them.
    await h.on(kp.host).post(`/api/notifications/${reviewers[0].id}/read`, preparer.token).expect(404);
    // A GB user neither sees nor reaches KP's; a KP token is refused on GB's host.
    const gbUser = await member(h, gb, 'reviewer');
    expect((await list(gbUser, '', gb.host).expect(200)).body).toMatchObject({ items: [], unread: 0, total: 0 });
    await h.on(gb.host).post(`/api/notifications/${reviewers[0].id}/read`, gbUser.token).expect(404);
    await list(reviewer, '', gb.host).expect(401);
    await h.on(kp.host).get('/api/notifications').expect(401);
  });

  it('never puts a one-time link in a notification; without SMTP_URL the mail waits in the outbox', async () => {
    await h
      .on(kp.host)
      .post('/api/users', kp.adminToken)
      .send({ email: 'new.officer@kp.gov.pk', name: 'New officer', roles: ['viewer'] })
      .expect(201);
    const rows: { title_en: string; body_en: string; body_ur: string }[] = await h.dataSource.query(
      `SELECT title_en, body_en, body_ur FROM ${schemaNameFor(kp.slug)}.notifications`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => /token=/.test(`${r.title_en} ${r.body_en} ${r.body_ur}`))).toEqual([]);
    const outbox = await outboxOf(h, kp);
    expect(outbox.find((r) => r.to_address === 'new.officer@kp.gov.pk')).toMatchObject({
      status: 'pending',
      attempts: 0,
      event_type: 'user.invited',
    });
    expect(outbox.every((r) => r.status === 'pending')).toBe(true);
  });
});
