import { Module } from '@nestjs/common';
import { ProvisioningService } from './provisioning.service';
import { TenantProvisioner } from './tenant-provisioner.service';

@Module({
  providers: [ProvisioningService, TenantProvisioner],
  exports: [ProvisioningService, TenantProvisioner],
})
export class ProvisioningModule {}
