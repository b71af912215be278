import { Locale } from '../forms/definition';
import { TenantJobData } from '../jobs/queues';
import { TEMPLATE_VERSION } from './print-template';

/** A render job: one document revision, or the blank proforma of one form version, in one language. */
export type PdfJob = TenantJobData & { key: string; locale: Locale } & (
    | { kind: 'document'; documentId: string; revision: number; watermark: boolean }
    | { kind: 'blank'; formKey: string; versionNumber: number }
  );

/** What a stored file's name and its job id are made of; no colons (BullMQ reserves them). */
const DOCUMENT_KEY = /doc\.[0-9a-f-]{36}\.r[1-9][0-9]{0,8}\.(en|ur)\.t[0-9]+\.(draft|final)/;
const BLANK_KEY = /blank\.[a-z0-9-]{1,60}\.v[1-9][0-9]{0,8}\.(en|ur)\.t[0-9]+/;
export const RENDER_KEY = new RegExp(`^(${DOCUMENT_KEY.source}|${BLANK_KEY.source})$`);

/**
 * Everything that changes a document's PDF is in its key: the revision (the data), the
 * language, the template version, and the watermark (approval changes the state, not the
 * revision, and takes the DRAFT mark away). Same key, same file: it is rendered once.
 */
export function documentKey(documentId: string, revision: number, locale: Locale, watermark: boolean): string {
  return `doc.${documentId}.r${revision}.${locale}.t${TEMPLATE_VERSION}.${watermark ? 'draft' : 'final'}`;
}

export function blankKey(formKey: string, versionNumber: number, locale: Locale): string {
  return `blank.${formKey}.v${versionNumber}.${locale}.t${TEMPLATE_VERSION}`;
}

/** The job id of a key, within the province (TenantJobQueue adds the province to it). */
export const jobIdOf = (key: string) => `pdf:${key}`;
