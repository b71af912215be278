#!/usr/bin/env node
// Runs the built API and worker side by side for local use, with readable logs, and stops both
// on Ctrl-C. (Production runs `node dist/main.js` and `node dist/worker.js` as separate services.)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startMailSink } from './mail-sink.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pretty = require('pino-pretty');

// Outgoing mail is caught by an embedded SMTP sink (.data/mail/) unless SMTP_URL points elsewhere.
const env = { ...process.env };
let mailNote = 'Mail goes to the SMTP server in SMTP_URL';
if (!env.SMTP_URL) {
  const sink = await startMailSink();
  env.SMTP_URL = sink.url;
  mailNote =
    `Outgoing mail is caught by the dev SMTP sink (${sink.url}) ` +
    `and kept in ${path.relative(root, sink.dir)}/: \`npm run mail\` lists the latest with their links`;
  process.stdout.write(`${mailNote}\n`);
}

/** Nest's start-up lines that map each route and controller. */
const ROUTE_MAPPING = /"context":"(RouterExplorer|RoutesResolver)"/;

let stopping = false;
const children = ['main', 'worker'].map((entry) => {
  const child = spawn(process.execPath, [path.join(root, 'dist', `${entry}.js`)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Nest logs one line per route at start-up (about 300): useful in production logs, noise here.
  const shown = new PassThrough();
  shown.pipe(
    pretty({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,req,res',
      messageFormat: `[${entry === 'main' ? 'api' : 'worker'}] {msg}`,
    }),
  );
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!ROUTE_MAPPING.test(line)) shown.write(`${line}\n`);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${entry} exited (${signal ?? code}); stopping\n`);
      stop(code ?? 1);
    }
  });
  return child;
});

// Once the API answers, repeat the URLs and logins below the start-up noise.
const port = process.env.PORT || 3000;
(async () => {
  for (let i = 0; i < 120 && !stopping; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'demo:logins'], {
        cwd: root,
        env: process.env,
        stdio: 'inherit',
      }).on('exit', () => process.stdout.write(`${mailNote}\n`));
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
})();

function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
