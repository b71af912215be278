import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Harness, ProvisionedProvince } from '../support/harness';

export type Province = ProvisionedProvince & { adminToken: string };
export interface Team {
  province: Province;
  preparer: string;
  reviewer: string;
  approver: string;
  viewer: string;
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2048)]);
export const fixture = (key: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', `${key}.json`), 'utf8'));

/** kp and gb as provisioned (their own master data, departments and forum rules), in their own database. */
export async function startWithDemoProvinces(database: string, env: Record<string, string> = {}) {
  const h = await Harness.start({
    freshDatabase: database,
    env: { STORAGE_DIR: path.join(tmpdir(), `daftar-test-${randomBytes(4).toString('hex')}`), ...env },
  });
  const kp = await h.provisionDirect('kp', 'Khyber Pakhtunkhwa');
  const gb = await h.provisionDirect('gb', 'Gilgit-Baltistan');
  return { h, kp: { ...kp, adminToken: await h.login(kp) }, gb: { ...gb, adminToken: await h.login(gb) } };
}

export async function team(h: Harness, province: Province): Promise<Team> {
  const [preparer, reviewer, approver, viewer] = await Promise.all(
    ['preparer', 'reviewer', 'approver', 'viewer'].map((r) => h.userWithRole(province, r)),
  );
  return {
    province,
    preparer: preparer.token,
    reviewer: reviewer.token,
    approver: approver.token,
    viewer: viewer.token,
  };
}

/** A valid KP PC-I draft of the example project (Rs 3,128.2 million), with its feasibility study. */
export async function validDraft(
  h: Harness,
  t: Team,
  // The draft's JSON, edited in place by the caller: any, so a spec can reach into nested sections freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  changes: (data: Record<string, any>) => void = () => undefined,
) {
  const api = h.on(t.province.host);
  const created = await api
    .post('/api/projects', t.preparer)
    .send({ title: 'Bahrain–Kalam road', formKey: 'pc1-infrastructure' })
    .expect(201);
  const id = created.body.document.id as string;
  const data = fixture('pc1-infrastructure');
  changes(data);
  const saved = await api.put(`/api/documents/${id}`, t.preparer).send({ revision: 1, data }).expect(200);
  await api
    .post(`/api/documents/${id}/attachments`, t.preparer)
    .field('kind', 'feasibility-study')
    .attach('file', PDF, { filename: 'feasibility.pdf', contentType: 'application/pdf' })
    .expect(201);
  return { id, projectId: created.body.project.id as string, revision: saved.body.revision as number };
}

export async function act(h: Harness, host: string, token: string, id: string, action: string, comment?: string) {
  return h
    .on(host)
    .post(`/api/documents/${id}/actions/${action}`, token)
    .send(comment ? { comment } : {});
}

/** Submitted, reviewed in the department and by P&D, placed before the forum. */
export async function toForum(h: Harness, t: Team, id: string) {
  const host = t.province.host;
  await act(h, host, t.preparer, id, 'submit').then((r) => expect(r.status).toBe(200));
  for (const step of ['start-review', 'forward-to-pnd', 'place-before-forum'])
    await act(h, host, t.reviewer, id, step).then((r) => expect(r.status).toBe(200));
}

/** A preparer who belongs to one of the province's departments (by its code, e.g. CW). */
export async function preparerOf(
  h: Harness,
  province: Province,
  departmentCode: string,
): Promise<{ id: string; token: string; departmentId: string }> {
  const schema = schemaNameFor(province.slug);
  const [department] = await h.dataSource.query(`SELECT id FROM ${schema}.departments WHERE code = $1`, [
    departmentCode,
  ]);
  expect(department).toBeDefined();
  const user = await h.userWithRole(province, 'preparer');
  await h.dataSource.query(`UPDATE ${schema}.users SET department_id = $2 WHERE id = $1`, [user.id, department.id]);
  return { id: user.id, token: user.token, departmentId: department.id };
}
