import { Injectable } from '@nestjs/common';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppConfig } from '../config/app-config';

/**
 * PORTABILITY_DIR, shared by the API and the worker (like STORAGE_DIR): `exports/` (finished
 * archives), `uploads/` (archives waiting for their import; multer writes into `uploads/incoming/`)
 * and `work/` (one folder per running export or import). Anything older than
 * PORTABILITY_RETENTION_HOURS is removed by cleanup().
 */
@Injectable()
export class ArchiveFolders {
  constructor(private readonly config: AppConfig) {}

  private folder(name: 'exports' | 'uploads' | 'work'): string {
    return path.resolve(this.config.portability.dir, name);
  }

  archivePath(archiveId: string): string {
    return path.join(this.folder('exports'), `${archiveId}.tar.gz`);
  }

  uploadPath(uploadId: string): string {
    return path.join(this.folder('uploads'), `${uploadId}.tar.gz`);
  }

  /** Where multer writes an upload before it is handed to a job. */
  async incoming(): Promise<string> {
    const dir = path.join(this.folder('uploads'), 'incoming');
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Removes archives, uploads and work folders older than the retention; answers how many went. */
  async cleanup(now = Date.now()): Promise<number> {
    const cutoff = now - this.config.portability.retentionHours * 3600 * 1000;
    const folders = [this.folder('exports'), this.folder('uploads'), path.join(this.folder('uploads'), 'incoming')];
    let removed = 0;
    for (const folder of [...folders, this.folder('work')]) {
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names) {
        if (name === 'incoming') continue;
        const entry = path.join(folder, name);
        const info = await stat(entry).catch(() => null);
        if (info && info.mtimeMs < cutoff) {
          await rm(entry, { recursive: true, force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
