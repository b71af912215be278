import { Global, Module } from '@nestjs/common';
import { HostResolver } from './host-resolver.service';
import { ProvinceSchemas } from './province-schemas.service';
import { TenantDatabase } from './tenant-database.service';
import { TenantRegistry } from './tenant-registry.service';

/** Province registry, host resolution and the tenant unit of work; shared by API and worker. */
@Global()
@Module({
  providers: [TenantRegistry, HostResolver, TenantDatabase, ProvinceSchemas],
  exports: [TenantRegistry, HostResolver, TenantDatabase, ProvinceSchemas],
})
export class TenancyModule {}
