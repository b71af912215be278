import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ProvisioningService } from './provisioning.service';
import { TenantProvisioner } from './tenant-provisioner.service';

@Module({
  imports: [FormsModule],
  providers: [ProvisioningService, TenantProvisioner],
  exports: [ProvisioningService, TenantProvisioner],
})
export class ProvisioningModule {}
