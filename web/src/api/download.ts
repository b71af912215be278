import { api } from './client';

/** How long a downloaded file's object URL is kept: time for the browser to start the download. */
const RELEASE_URL_AFTER_MS = 60_000;

/** Hands a downloaded file to the browser under its own name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_URL_AFTER_MS);
}

/**
 * Fetches a file from the API through the client (the access token lives in memory, so a plain
 * link could not carry it) and saves it as `fileName`.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  saveBlob(await api.blob(path), fileName);
}
