import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { DatabaseHealth } from './database/database-health.service';
import { installShutdown } from './shutdown';
import { WorkerModule } from './worker.module';

/** Worker entry point: `node dist/worker.js`. Scales out by running more of them. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  installShutdown(app, app.get(AppConfig).shutdownTimeoutMs);
  await app.get(DatabaseHealth).assertPrepared();
  app.get(Logger).log('Daftar worker started');
  process.send?.({ ready: true }); // tells a supervising parent (dev runner, benchmarks) that jobs are being taken
}

bootstrap().catch((error) => {
  process.stderr.write(`Daftar worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
