/**
 * Content-Disposition for downloads (RFC 6266 with RFC 8187 `filename*`): browsers that know
 * `filename*` take the UTF-8 name (an Urdu title stays Urdu); older clients fall back to the
 * quoted ASCII `filename`. One builder for attachments, exports and PDFs so every download
 * names its file the same way.
 */

/** What the ASCII fallback is called when nothing printable is left of the name. */
const FALLBACK_BASE = 'download';

/**
 * RFC 8187 value-chars are attr-chars: ALPHA / DIGIT / "!#$&+-.^_`|~". encodeURIComponent
 * leaves also ' ( ) * unescaped, which are not attr-chars, so those are escaped by hand.
 */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Printable ASCII only, without the quote and backslash a quoted-string would have to escape. */
export function asciiFallback(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%;]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${/[A-Za-z0-9]/.test(base) ? base : FALLBACK_BASE}${ext}`;
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded UTF-8>`. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
