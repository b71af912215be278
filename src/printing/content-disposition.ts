/** Path parts, control characters and bidi overrides have no place in a file name a browser saves. */
const UNSAFE = /[\u0000-\u001f\u007f/\\\u202a-\u202e\u2066-\u2069]+/g;

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 8187): browsers use the UTF-8
 * name (an Urdu title arrives intact), older clients the ASCII fallback.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim() || 'document.pdf';
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/[^\x20-\x7e]|["%;\\]/g, '_')
      .replace(/_+/g, '_') || 'document.pdf';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
