import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FormsService, VersionRef } from '../forms/forms.service';
import { DocumentsService } from '../projects/documents.service';

/**
 * What a PDF prints, read through the documents' and forms' services in the caller's unit of
 * work: the API (to key and name the file) and the worker (to print it) read it the same way,
 * and another province's document or form is simply not found.
 */
@Injectable()
export class PrintSources {
  constructor(
    private readonly documents: DocumentsService,
    private readonly forms: FormsService,
  ) {}

  /** A revision of a document (default: the current one) and the form version it is pinned to. */
  async document(em: EntityManager, id: string, revision?: number) {
    const document = await this.documents.printable(em, id, revision);
    return { document, version: await this.forms.printableVersion(em, { id: document.formVersionId }) };
  }

  /** A version of a form, printed as a blank proforma. */
  blank(em: EntityManager, formKey: string, ref: VersionRef) {
    return this.forms.printableVersion(em, { key: formKey, ref });
  }
}
