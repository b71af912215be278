import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Writable } from 'node:stream';
import { contentDisposition } from '../common/content-disposition';

/** Where an export goes: headers once the first rows are ready (errors before that are ordinary 4xx/5xx answers). */
export interface DownloadTarget {
  /** Sends the headers and returns the body to write. */
  start(fileName: string, contentType: string): Writable;
  /** A failure after the first byte: the client gets a cut-off download rather than a wrong file. */
  fail(error: unknown): void;
}

const logger = new Logger('Exports');

/** An Express response as a download target. */
export function httpDownload(res: Response): DownloadTarget {
  return {
    start(fileName, contentType) {
      res.status(200);
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Disposition', contentDisposition(fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Province data: never kept by a shared cache.
      res.setHeader('Cache-Control', 'no-store');
      return res;
    },
    fail(error) {
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'An export failed after it had started; the download was cut off',
      );
      res.destroy(error instanceof Error ? error : undefined);
    },
  };
}
