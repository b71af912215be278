import { Module } from '@nestjs/common';
import { MasterDataController } from './master-data.controller';
import { MasterDataService } from './master-data.service';

@Module({ controllers: [MasterDataController], providers: [MasterDataService], exports: [MasterDataService] })
export class MasterDataModule {}
