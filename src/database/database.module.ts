import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { platformMigrations } from './platform-migrations';
import { tenantMigrations } from '../tenancy/tenant-migrations';
import { entities } from './entities';
import { MigrationRunner } from './migration-runner.service';
import { PLATFORM_MIGRATIONS, TENANT_MIGRATIONS } from './migration';
import { DatabaseHealth } from './database-health.service';

/** The one shared DataSource and pool for the platform and every province (README, "How provinces are kept apart": data access). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.database.url,
        entities,
        synchronize: false,
        migrationsRun: false,
        installExtensions: false,
        poolSize: config.database.poolSize,
        applicationName: config.database.applicationName,
        extra: { max: config.database.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 },
        logging: false,
      }),
    }),
    TypeOrmModule.forFeature(entities),
  ],
  providers: [
    MigrationRunner,
    DatabaseHealth,
    { provide: PLATFORM_MIGRATIONS, useValue: platformMigrations },
    { provide: TENANT_MIGRATIONS, useValue: tenantMigrations },
  ],
  exports: [TypeOrmModule, MigrationRunner, DatabaseHealth],
})
export class DatabaseModule {}
