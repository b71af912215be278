import { Global, Module } from '@nestjs/common';
import { HostResolver } from './host-resolver.service';
import { ProvinceSchemas } from './province-schemas.service';
import { TenantDatabase } from './tenant-database.service';
import { TENANT_MIGRATIONS } from '../database/migration';
import { tenantMigrations } from './tenant-migrations';
import { TenantRegistry } from './tenant-registry.service';
import { TenantsRepository } from './tenants.repository';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantDomain } from './tenant-domain.entity';
import { Tenant } from './tenant.entity';

/** Province registry, host resolution and the tenant unit of work; shared by API and worker. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Tenant, TenantDomain])],
  providers: [
    TenantRegistry,
    TenantsRepository,
    HostResolver,
    TenantDatabase,
    ProvinceSchemas,
    // The database layer's migration runner applies these to every province; tenancy owns the list.
    { provide: TENANT_MIGRATIONS, useValue: tenantMigrations },
  ],
  exports: [TenantRegistry, HostResolver, TenantDatabase, ProvinceSchemas, TENANT_MIGRATIONS],
})
export class TenancyModule {}
