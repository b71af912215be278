#!/usr/bin/env node
// Rebuilds dist/ (API and web app) only when a source file is newer than the last build, so `npm run cli` stays quick.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const marker = path.join(root, 'dist', 'cli.js');
if (!existsSync(marker) || newest(path.join(root, 'src')) > statSync(marker).mtimeMs) {
  process.stderr.write('[build] compiling src/ …\n');
  execSync('npx nest build', { cwd: root, stdio: 'inherit' });
}
// nest build empties dist/, the web app included; the API serves it, so put it back.
const webMarker = path.join(root, 'dist', 'web', 'index.html');
if (!existsSync(webMarker) || newest(path.join(root, 'web', 'src')) > statSync(webMarker).mtimeMs) {
  process.stderr.write('[build] building the web app …\n');
  execSync('npx vite build --config web/vite.config.mts --logLevel warn', { cwd: root, stdio: 'inherit' });
}
