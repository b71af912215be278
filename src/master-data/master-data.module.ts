import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module';
import { MasterDataController } from './master-data.controller';
import { MasterDataItem } from './master-data-item.entity';
import { MasterDataRepository } from './master-data.repository';
import { MasterDataService } from './master-data.service';

@Module({
  // Departments are one of the lists a form draws its options from (DepartmentsService).
  imports: [TypeOrmModule.forFeature([MasterDataItem]), DepartmentsModule],
  controllers: [MasterDataController],
  providers: [MasterDataService, MasterDataRepository],
  exports: [MasterDataService],
})
export class MasterDataModule {}
