/**
 * Attachment names as people give them (Urdu or any UTF-8), made safe to store, list and send
 * back: the name is data shown to other officers, so nothing in it may pretend to be a path, hide
 * characters or reorder what is shown (the "right-to-left override" trick makes `‮fdp.exe` look
 * like `exe.pdf`).
 */

/** The attachments table allows 200 characters (migration 0006). */
export const FILE_NAME_MAX_CHARS = 200;
const FALLBACK_BASE = 'attachment';

export const EXTENSION_OF_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/tiff': '.tif',
};
/** Other spellings that name the same type. */
const SAME_TYPE: Record<string, string[]> = { '.jpg': ['.jpeg'], '.tif': ['.tiff'] };

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the direction marks
 * (U+200E, U+200F, U+061C), zero-width space and joiner, word joiner and BOM. The zero-width
 * non-joiner (U+200C) stays: Urdu spelling uses it to keep two letters apart.
 */
// eslint-disable-next-line no-misleading-character-class -- each of these is removed on its own, the joiner too
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u200d\u2060\ufeff]/g;
/** Characters Windows refuses in names. */
const RESERVED = /[<>:"|?*]/g;

/**
 * The last path segment, without control or invisible characters, trimmed of dots and spaces
 * at the ends, at most FILE_NAME_MAX_CHARS characters with its extension kept, and ending in the
 * extension of its real (sniffed) content type; `attachment.<ext>` when nothing is left.
 */
export function sanitiseFileName(name: string, contentType: string): string {
  const ext = EXTENSION_OF_TYPE[contentType] ?? '';
  let clean = (name ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!clean) clean = FALLBACK_BASE;
  const lower = clean.toLowerCase();
  // A PDF named .exe stays visibly a PDF: the real extension is added when the name's disagrees.
  if (ext && !lower.endsWith(ext) && !(SAME_TYPE[ext] ?? []).some((e) => lower.endsWith(e))) clean = `${clean}${ext}`;
  const chars = Array.from(clean);
  if (chars.length <= FILE_NAME_MAX_CHARS) return clean;
  const dot = clean.lastIndexOf('.');
  const tail = dot > 0 ? Array.from(clean.slice(dot)) : [];
  return (
    chars
      .slice(0, FILE_NAME_MAX_CHARS - tail.length)
      .join('')
      .trimEnd() + tail.join('')
  );
}
