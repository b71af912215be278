import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { AppConfig } from '../config/app-config';
import { FILE_KEY } from './archive';

const SCHEMA = /^[a-z0-9_]{1,63}$/;

/**
 * The attachment store (STORAGE_DIR, one folder per province schema: attachments and rendered
 * PDFs) as an archive sees it: a province's files by their key below its folder, read and written
 * as streams. Keys come from the province's own rows or a verified manifest, and are checked again here.
 */
@Injectable()
export class ProvinceFiles {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = path.resolve(config.storage.dir);
  }

  private pathOf(schema: string, key: string): string {
    if (!SCHEMA.test(schema) || !FILE_KEY.test(key)) throw new Error(`invalid file key ${schema}/${key}`);
    return path.join(this.root, schema, key);
  }

  async exists(schema: string, key: string): Promise<boolean> {
    return access(this.pathOf(schema, key)).then(
      () => true,
      () => false,
    );
  }

  read(schema: string, key: string): Readable {
    return createReadStream(this.pathOf(schema, key));
  }

  /** A new file: an existing one is never overwritten (the write fails instead). */
  async create(schema: string, key: string): Promise<Writable> {
    const file = this.pathOf(schema, key);
    await mkdir(path.dirname(file), { recursive: true });
    return createWriteStream(file, { flags: 'wx' });
  }

  async remove(schema: string, key: string): Promise<void> {
    await rm(this.pathOf(schema, key), { force: true });
  }
}
