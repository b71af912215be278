import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { platformMigrations } from './platform-migrations';
import { MigrationRunner } from './migration-runner.service';
import { PLATFORM_MIGRATIONS } from './migration';
import { DatabaseHealth } from './database-health.service';
import { PlatformDatabase } from './platform-database.service';

/**
 * The one shared DataSource and pool for the platform and every province (docs/ARCHITECTURE.md,
 * tenancy rules). The tenant migrations come from the tenancy core (TENANT_MIGRATIONS).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.database.url,
        // Each module registers its own entities (TypeOrmModule.forFeature), so this layer names no
        // business table (docs/ARCHITECTURE.md, "Layers").
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        installExtensions: false,
        poolSize: config.database.poolSize,
        applicationName: config.database.applicationName,
        extra: { max: config.database.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 },
        logging: false,
      }),
    }),
  ],
  providers: [
    MigrationRunner,
    DatabaseHealth,
    PlatformDatabase,
    { provide: PLATFORM_MIGRATIONS, useValue: platformMigrations },
  ],
  exports: [TypeOrmModule, MigrationRunner, DatabaseHealth, PlatformDatabase],
})
export class DatabaseModule {}
