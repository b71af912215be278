import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The mail the app sent, as the test deployment's SMTP server received it (scripts/mail-sink.mjs
 * writes each message as an .eml file into E2E_MAIL_DIR): tests wait for a message to an address
 * and read its text and links as the recipient would.
 */

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** Every http(s) link in the text part, in order, without repeats. */
  links: string[];
}

/** The SMTP server's folder; the e2e runner (scripts/e2e.mjs) starts the server and sets it. */
function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the browser tests with scripts/e2e.mjs (it starts SMTP)');
  return dir;
}

async function received(to: string): Promise<ReceivedMail[]> {
  const dir = mailDir();
  const found: ReceivedMail[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()) {
    const mail = await simpleParser(readFileSync(path.join(dir, file)));
    const addressed = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    const recipients = addressed.flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
    if (!recipients.includes(to.toLowerCase())) continue;
    const text = mail.text ?? '';
    const links = [...new Set(text.match(/https?:\/\/[^\s<>"\]]+/g) ?? [])];
    found.push({ to, subject: mail.subject ?? '', text, links });
  }
  return found;
}

/** Waits (polling the folder) for a message to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<ReceivedMail> {
  let match: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        match = (await received(to)).find((m) => subject.test(m.subject));
        return !!match;
      },
      { timeout: timeoutMs, message: `no mail to ${to} with a subject matching ${subject}` },
    )
    .toBe(true);
  return match!;
}
