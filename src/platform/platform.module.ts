import { Module } from '@nestjs/common';
import { ProvisioningModule } from '../provisioning/provisioning.module';
import { RoutingModule } from '../routing/routing.module';
import { UsersModule } from '../users/users.module';
import { ProvinceUsersService } from './province-users.service';
import { OperatorsService } from './operators.service';
import { PlatformAuthController } from './platform-auth.controller';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** The operators' console API on `admin.<base domain>`. */
@Module({
  imports: [ProvisioningModule, UsersModule, RoutingModule],
  controllers: [PlatformAuthController, TenantsController],
  providers: [OperatorsService, TenantsService, ProvinceUsersService],
  exports: [OperatorsService, TenantsService],
})
export class PlatformModule {}
