/*
 * User Timing marks around one keystroke in a table cell: 'daftar:input' when the input event
 * arrives, 'daftar:recomputed' once the recomputed totals are committed to the page, and the
 * 'daftar:recompute' measure between them, which the benchmark reads.
 */

let pending = false;
/** Measures kept before the oldest are cleared (a long session would otherwise grow the buffer). */
const KEEP_MEASURES = 1000;

export function markInput(): void {
  performance.mark('daftar:input');
  pending = true;
}

/** Called from a layout effect after the edit committed. */
export function markRecomputed(): void {
  if (!pending) return;
  pending = false;
  performance.mark('daftar:recomputed');
  performance.measure('daftar:recompute', 'daftar:input', 'daftar:recomputed');
  if (performance.getEntriesByName('daftar:recompute', 'measure').length > KEEP_MEASURES)
    performance.clearMeasures('daftar:recompute');
}
