import { INestApplicationContext } from '@nestjs/common';
import { MailProcessor } from '../../src/mail/mail.processor';
import { schemaNameFor } from '../../src/tenancy/slug';
import { Province } from '../projects/support';
import { Harness } from '../support/harness';

/**
 * As close to a killed process as one Jest process allows: its BullMQ worker stops at once,
 * leaving its job active and its lock unrenewed; whatever it was doing is left hanging.
 */
export async function stopTakingJobs(worker: INestApplicationContext): Promise<void> {
  await worker.get(MailProcessor).worker.close(true);
}

/** A signed-in user with one role, optionally in a department (by code) and with a language. */
export async function member(
  h: Harness,
  province: Province,
  role: string,
  options: { department?: string; locale?: 'en' | 'ur' } = {},
) {
  const user = await h.userWithRole(province, role, options.locale ?? 'en');
  const schema = schemaNameFor(province.slug);
  let departmentId: string | null = null;
  if (options.department) {
    [{ id: departmentId }] = await h.dataSource.query(`SELECT id FROM ${schema}.departments WHERE code = $1`, [
      options.department,
    ]);
    await h.dataSource.query(`UPDATE ${schema}.users SET department_id = $2 WHERE id = $1`, [user.id, departmentId]);
  }
  return { ...user, departmentId };
}

export async function outboxOf(
  h: Harness,
  province: Province,
): Promise<
  Array<{
    id: string;
    to_address: string;
    status: string;
    attempts: number;
    event_type: string;
    digest_date: string | null;
  }>
> {
  return h.dataSource.query(
    `SELECT id, to_address, status, attempts, event_type, digest_date ` +
      `FROM ${schemaNameFor(province.slug)}.mail_outbox ORDER BY created_at, id`,
  );
}

/** True once nothing in the province's outbox waits for delivery (pending or being sent). */
export async function outboxSettled(h: Harness, province: Province): Promise<boolean> {
  const rows = await outboxOf(h, province);
  return rows.every((r) => r.status !== 'pending' && r.status !== 'sending');
}
