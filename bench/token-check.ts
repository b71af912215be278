import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../src/cli.module';
import { TenantDatabase } from '../src/tenancy/tenant-database.service';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { TokenVersions } from '../src/users/token-versions.service';

/*
 * Child process of the bench's `roles` part: the CPU time of one token-version check
 * (TokenVersions.standing, what JwtAuthGuard asks on every province request), in this process.
 * With the default cache every check after the first is a hit; run with USER_TOKEN_CACHE_TTL_MS=0
 * every check is a miss, one read statement on the pool. Prints {checks, cpuUsPerCheck, wallUsPerCheck}.
 */
async function main() {
  const slug = process.env.BENCH_SLUG ?? '';
  const userId = process.env.BENCH_USER_ID ?? '';
  const checks = Number(process.env.BENCH_CHECKS ?? 100_000);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  const province = await app.get(TenantRegistry).findBySlug(slug);
  if (!province) throw new Error(`no province ${slug}`);
  const versions = app.get(TokenVersions);
  const measured = await app.get(TenantDatabase).runAs(province, async () => {
    if ((await versions.standing(userId, 0)) !== 'current') throw new Error('the fixture token is not current');
    for (let i = 0; i < Math.min(checks, 1000); i++) await versions.standing(userId, 0); // warm-up
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < checks; i++) await versions.standing(userId, 0);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { cpuUs: cpu.user + cpu.system, wallMs };
  });
  await app.close();
  process.stdout.write(
    JSON.stringify({
      checks,
      cpuUsPerCheck: measured.cpuUs / checks,
      wallUsPerCheck: (measured.wallMs * 1000) / checks,
    }),
  );
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
