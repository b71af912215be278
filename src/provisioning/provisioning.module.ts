import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { RoutingModule } from '../routing/routing.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ProvinceDefaults } from './province-defaults';
import { ProvisioningRepository } from './provisioning.repository';
import { ProvisioningService } from './provisioning.service';
import { TenantProvisioner } from './tenant-provisioner.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvisioningRun } from './provisioning-run.entity';

@Module({
  // A new province's master data, forms, workflow and forum rules (province-defaults.ts).
  imports: [TypeOrmModule.forFeature([ProvisioningRun]), FormsModule, MasterDataModule, WorkflowModule, RoutingModule],
  providers: [ProvisioningService, TenantProvisioner, ProvinceDefaults, ProvisioningRepository],
  exports: [ProvisioningService, TenantProvisioner, ProvinceDefaults],
})
export class ProvisioningModule {}
