import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppConfig } from '../config/app-config';
import { RENDER_KEY } from './render-key';

const SCHEMA = /^[a-z0-9_]{1,63}$/;
const STORAGE_KEY = /^([a-z0-9_]{1,63})\/pdf\/([a-z0-9.-]{1,140})\.pdf$/;

/**
 * Rendered PDFs on disk, beside the attachments (STORAGE_DIR/<province schema>/pdf/<key>.pdf),
 * so each province's files stay in its own folder. Keys are made by the platform from the
 * render key, never from user input. Files are written under a temporary name and renamed,
 * so a reader never sees half a file.
 */
@Injectable()
export class PdfFileStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = path.resolve(config.storage.dir);
  }

  keyFor(schemaName: string, renderKey: string): string {
    if (!SCHEMA.test(schemaName) || !RENDER_KEY.test(renderKey))
      throw new Error(`invalid PDF storage key ${schemaName}/${renderKey}`);
    return `${schemaName}/pdf/${renderKey}.pdf`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error(`invalid PDF storage key ${key}`);
    return path.join(this.root, key);
  }
}
