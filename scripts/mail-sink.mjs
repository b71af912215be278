#!/usr/bin/env node
// Development mail: an embedded SMTP server that accepts everything and keeps each message as
// an .eml file under .data/mail/ (started by scripts/dev.mjs), and `npm run mail`, which lists
// the latest messages with their links. Nothing leaves the machine.
//   node scripts/mail-sink.mjs [list] [count]   latest messages (default 10), newest first
//   node scripts/mail-sink.mjs show <file>       one message's text
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const MAIL_DIR = path.join(root, '.data', 'mail');
/** The usual port of development mail catchers; another free one when it is taken. */
const DEFAULT_PORT = 1025;
const DEFAULT_LIST = 10;

/** Starts the sink; resolves with its smtp:// URL once it listens. */
export async function startMailSink({
  dir = MAIL_DIR,
  port = Number(process.env.MAIL_SINK_PORT || DEFAULT_PORT),
} = {}) {
  const { SMTPServer } = require('smtp-server');
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        // Sortable names: the listing reads newest first without opening every file.
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++count}.eml`;
        writeFileSync(path.join(dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  const listen = (p) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(server.server.address().port);
      });
    });
  let bound;
  try {
    bound = await listen(port);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    bound = await listen(0);
  }
  return { url: `smtp://127.0.0.1:${bound}`, dir, close: () => new Promise((r) => server.close(r)) };
}

async function list(count) {
  const { simpleParser } = require('mailparser');
  let files = [];
  try {
    files = readdirSync(MAIL_DIR)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse()
      .slice(0, count);
  } catch {
    // no folder yet: nothing was sent
  }
  if (!files.length) {
    console.log(
      `No mail yet in ${path.relative(process.cwd(), MAIL_DIR) || MAIL_DIR} (npm run dev catches what the app sends).`,
    );
    return;
  }
  for (const file of files) {
    const mail = await simpleParser(readFileSync(path.join(MAIL_DIR, file)));
    const links = [...new Set((mail.text ?? '').match(/https?:\/\/\S+/g) ?? [])];
    console.log(`${mail.date?.toISOString() ?? ''}  to ${mail.to?.text ?? '?'}\n  ${mail.subject ?? '(no subject)'}`);
    for (const link of links) console.log(`  ${link}`);
    console.log(`  ${path.join(MAIL_DIR, file)}\n`);
  }
}

async function show(file) {
  const { simpleParser } = require('mailparser');
  const mail = await simpleParser(readFileSync(path.isAbsolute(file) ? file : path.join(MAIL_DIR, file)));
  console.log(`To: ${mail.to?.text}\nSubject: ${mail.subject}\n\n${mail.text}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command = 'list', arg] = process.argv.slice(2);
  const run = command === 'show' ? show(arg) : list(Number(command === 'list' ? arg : command) || DEFAULT_LIST);
  run.catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
