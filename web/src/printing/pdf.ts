import { api } from '../api/client';

/** How often the page asks whether a PDF is ready, and how many times before giving up. */
const POLL_MS = 1000;
const MAX_POLLS = 180;

export type PdfLocale = 'en' | 'ur';

interface PdfJob {
  jobId: string;
  status: 'queued' | 'rendering' | 'retrying' | 'done' | 'failed';
  poll: string;
  file: string | null;
  reason?: string;
}

export class PdfTimeoutError extends Error {}
export class PdfFailedError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks for a PDF (`base` is /api/documents/:id/pdf or /api/forms/:key/versions/:n/pdf), waits
 * for the worker's job when it is not rendered yet, and returns the file. When it already
 * exists the POST answers with the file itself; the client then reads it once more as a Blob,
 * as the JSON client cannot hand back bytes.
 */
export async function fetchPdf(base: string, body: { locale: PdfLocale; revision?: number }): Promise<Blob> {
  const answer = await api.post<PdfJob | string>(base, body);
  const query = new URLSearchParams({
    locale: body.locale,
    ...(body.revision ? { revision: String(body.revision) } : {}),
  });
  const fileOf = (file: string | null) => file ?? `${base}?${query}`;
  if (typeof answer !== 'object' || answer === null) return api.blob(fileOf(null));
  let job = answer;
  for (let i = 0; job.status !== 'done'; i++) {
    if (job.status === 'failed') throw new PdfFailedError(job.reason ?? 'failed');
    if (i >= MAX_POLLS) throw new PdfTimeoutError(job.jobId);
    await sleep(POLL_MS);
    job = await api.get<PdfJob>(answer.poll);
  }
  return api.blob(fileOf(job.file));
}
