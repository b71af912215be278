import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../src/config/app-config';
import { WorkerModule } from '../../src/worker.module';
import { Harness } from './harness';

/**
 * A worker process of the same deployment (its own Nest context, DataSource, Redis connections
 * and queues), like `node dist/worker.js`, with optional config changes.
 */
export async function startWorker(
  h: Harness,
  change: (config: AppConfig) => Partial<AppConfig> = () => ({}),
): Promise<INestApplicationContext> {
  const config = Object.assign(Object.create(AppConfig.prototype) as AppConfig, h.config, change(h.config));
  const module = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  module.useLogger(module.get(PinoLogger));
  return module.init();
}
