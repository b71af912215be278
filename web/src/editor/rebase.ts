import { jsonDiff } from '../../../src/common/json-diff';
import { getAt, parsePointer, setAt, toPointer } from './pointer';
import type { Data } from './types';

/**
 * "Keep my values" after a conflict: the server's current data with every value I changed since
 * `base` (the revision my edits started from) put back on top. Inside a table whose rows were
 * added, removed or moved by either side, row numbers no longer line up, so my whole table wins.
 */
export function rebase(base: Data, mine: Data, theirs: Data): Data {
  let out = theirs;
  const wholeArrays = new Set<string>();
  for (const change of jsonDiff(base, mine)) {
    const resized = resizedArrayAbove(change.pointer, base, mine, theirs);
    if (resized !== null) {
      if (!wholeArrays.has(resized)) {
        wholeArrays.add(resized);
        out = setAt(out, resized, getAt(mine, resized));
      }
      continue;
    }
    out = setAt(out, change.pointer, change.to);
  }
  return out;
}

/** The outermost array on the way to `pointer` whose length differs between base and either side. */
function resizedArrayAbove(pointer: string, base: Data, mine: Data, theirs: Data): string | null {
  const parts = parsePointer(pointer);
  for (let i = 1; i <= parts.length; i++) {
    const at = toPointer(parts.slice(0, i));
    const b = getAt(base, at);
    const m = getAt(mine, at);
    const t = getAt(theirs, at);
    if (!Array.isArray(m) && !Array.isArray(b)) continue;
    const length = Array.isArray(b) ? b.length : -1;
    if (!Array.isArray(m) || !Array.isArray(t) || m.length !== length || t.length !== length) return at;
  }
  return null;
}
