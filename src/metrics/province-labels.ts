/** `province` label of requests served on the operators' console host. */
export const PLATFORM_LABEL = 'platform';
/** `province` label of requests no province was resolved for (unknown host, suspended, probes …). */
export const UNKNOWN_LABEL = 'unknown';
/** `province` label shared by the provinces seen after the label limit was reached. */
export const OTHER_LABEL = 'other';

/**
 * Keeps the `province` label bounded: each series is kept for ever by Prometheus, so a label
 * must never take a value from the request itself. Only slugs of provinces the registry
 * resolved reach here, and only the first `limit` of them get a label of their own.
 */
export class ProvinceLabels {
  private readonly known = new Set<string>();

  constructor(private readonly limit: number) {}

  label(slug: string): string {
    if (this.known.has(slug)) return slug;
    if (this.known.size >= this.limit) return OTHER_LABEL;
    this.known.add(slug);
    return slug;
  }

  /** A label value from another process (a worker's job series), bounded by this process's set. */
  relabel(value: string): string {
    return value === PLATFORM_LABEL || value === UNKNOWN_LABEL || value === OTHER_LABEL ? value : this.label(value);
  }
}
