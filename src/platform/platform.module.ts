import { Module } from '@nestjs/common';
import { ProvisioningModule } from '../provisioning/provisioning.module';
import { OperatorsService } from './operators.service';
import { PlatformAuthController } from './platform-auth.controller';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** The operators' console API on `admin.<base domain>`. */
@Module({
  imports: [ProvisioningModule],
  controllers: [PlatformAuthController, TenantsController],
  providers: [OperatorsService, TenantsService],
  exports: [OperatorsService, TenantsService],
})
export class PlatformModule {}
