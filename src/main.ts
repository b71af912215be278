import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig } from './config/app-config';
import { installShutdown } from './shutdown';
import { prepareApi } from './startup';

/** API entry point: `node dist/main.js`, configured only by the environment. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureApp(app);
  await prepareApi(app);
  const config = app.get(AppConfig);
  installShutdown(app, config.shutdownTimeoutMs);
  await app.listen(config.port);
}

bootstrap().catch((error) => {
  process.stderr.write(`Daftar API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
