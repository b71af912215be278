import { Module } from '@nestjs/common';
import { FormEditionsRepository } from './form-editions.repository';
import { BASE_CATALOGUE } from './catalogue';
import { BASE_FORMS, FormCatalogue } from './form-catalogue.service';
import { FormsController } from './forms.controller';
import { FormsRepository } from './forms.repository';
import { FormsService } from './forms.service';
import { ValidatorCache } from './validator-cache.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MasterDataModule } from '../master-data/master-data.module';
import { FormOverlay, FormVersion } from './form-version.entity';

/** The form catalogue, province overlays and versions, and validation. */
@Module({
  // Option lists are frozen into a version from MasterDataService.snapshot (src/master-data).
  imports: [TypeOrmModule.forFeature([FormVersion, FormOverlay]), MasterDataModule],
  controllers: [FormsController],
  providers: [
    { provide: BASE_FORMS, useValue: BASE_CATALOGUE },
    FormCatalogue,
    FormsService,
    ValidatorCache,
    FormEditionsRepository,
    FormsRepository,
  ],
  exports: [FormsService, FormCatalogue],
})
export class FormsModule {}
