import { Module } from '@nestjs/common';
import { FormEditionsRepository } from './form-editions.repository';
import { BASE_CATALOGUE } from './catalogue';
import { BASE_FORMS, FormCatalogue } from './form-catalogue.service';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';
import { ValidatorCache } from './validator-cache.service';

/** The form catalogue, province overlays and versions, and validation. */
@Module({
  controllers: [FormsController],
  providers: [
    { provide: BASE_FORMS, useValue: BASE_CATALOGUE },
    FormCatalogue,
    FormsService,
    ValidatorCache,
    FormEditionsRepository,
  ],
  exports: [FormsService, FormCatalogue],
})
export class FormsModule {}
