import { Global, Module } from '@nestjs/common';
import { Calendar } from '../common/calendar';
import { AppConfig, loadConfig } from './app-config';

@Global()
@Module({
  providers: [
    { provide: AppConfig, useFactory: () => loadConfig() },
    { provide: Calendar, inject: [AppConfig], useFactory: (config: AppConfig) => new Calendar(config.timeZone) },
  ],
  exports: [AppConfig, Calendar],
})
export class ConfigModule {}
