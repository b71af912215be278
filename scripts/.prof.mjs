import { chromium } from 'playwright-core';
import { startDeployment } from './test-deployment.mjs';
import { CHROMIUM_ARGS } from './chromium.mjs';
import http from 'node:http';
import fs from 'node:fs';
const PORT = 3121;
const api = (method, url, token, body) => new Promise((res, rej) => { const p = body ? JSON.stringify(body) : undefined; const r = http.request({ host: '127.0.0.1', port: PORT, method, path: url, headers: { host: 'kp.localhost', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (s) => { let t = ''; s.on('data', (c) => (t += c)); s.on('end', () => res(t ? JSON.parse(t) : null)); }); r.on('error', rej); r.end(p); });
const { stop } = await startDeployment({ port: PORT, database: 'daftar_prof', redisPrefix: 'daftar-prof' });
try {
  const { accessToken } = await api('POST', '/api/auth/login', null, { email: 'preparer@kp.daftar.local', password: 'Daftar-Demo-2026' });
  const data = JSON.parse(fs.readFileSync('test/fixtures/forms/pc1-infrastructure.json', 'utf8'));
  const c = await api('POST', '/api/projects', accessToken, { title: 'Prof', formKey: 'pc1-infrastructure' });
  await api('PUT', `/api/documents/${c.document.id}`, accessToken, { revision: 1, data });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://kp.localhost:${PORT}/sign-in`);
  await page.locator('input[autocomplete="username"]').fill('preparer@kp.daftar.local');
  await page.locator('input[autocomplete="current-password"]').fill('Daftar-Demo-2026');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (let run = 0; run < 2; run++) {
    const t0 = Date.now();
    const reqs = [];
    const onReq = (r) => { if (r.url().includes('/api/')) reqs.push({ url: r.url().replace(/.*\/api/, '/api'), start: Date.now() - t0, r }); };
    page.on('request', onReq);
    await page.goto(`http://kp.localhost:${PORT}/documents/${c.document.id}`, { waitUntil: 'commit' });
    await page.addInitScript(() => {});
    const h = await page.waitForFunction(() => { const el = document.querySelector('[data-pointer="/capitalCost/estimate/rows/11/local"]'); return el && !el.disabled && !el.readOnly ? performance.now() : null; }, null, { polling: 'raf', timeout: 30000 });
    const ready = await h.jsonValue();
    page.off('request', onReq);
    for (const q of reqs) { const resp = await q.r.response(); const timing = q.r.timing(); console.log(`${q.start}ms +${Math.round(timing.responseEnd)}ms ${q.url} ${resp?.status()} ${(await resp?.body().catch(() => Buffer.alloc(0)))?.length ?? 0}B`); }
    const paint = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((e) => ({ dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) }))));
    console.log('ready at', Math.round(ready), 'nav', paint);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`).join(' '));
    console.log('marks', marks);
  }
  // CPU profile of one load
  const client = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 500 });
  await client.send('Profiler.start');
  await page.goto(`http://kp.localhost:${PORT}/documents/${c.document.id}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => { const el = document.querySelector('[data-pointer="/capitalCost/estimate/rows/11/local"]'); return el && !el.disabled; }, null, { polling: 'raf' });
  const { profile } = await client.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); });
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
  await browser.close();
} finally { await stop(); }
