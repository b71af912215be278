/** One changed value, by JSON pointer. */
export interface FieldChange {
  pointer: string;
  from?: unknown;
  to?: unknown;
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Field-level differences between two JSON documents: the leaves (and whole subtrees that
 * appear or disappear) whose values differ, as JSON pointers. Iterative, so depth is no risk.
 */
export function jsonDiff(a: unknown, b: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  const stack: { pointer: string; from: unknown; to: unknown }[] = [{ pointer: '', from: a, to: b }];
  while (stack.length) {
    const { pointer, from, to } = stack.pop()!;
    if (isContainer(from) && isContainer(to) && Array.isArray(from) === Array.isArray(to)) {
      const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
      for (const key of [...keys].reverse()) {
        const x = (from as Record<string, unknown>)[key];
        const y = (to as Record<string, unknown>)[key];
        if (x === undefined) changes.push({ pointer: `${pointer}/${escape(key)}`, to: y });
        else if (y === undefined) changes.push({ pointer: `${pointer}/${escape(key)}`, from: x });
        else stack.push({ pointer: `${pointer}/${escape(key)}`, from: x, to: y });
      }
    } else if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes.push({ pointer, from, to });
    }
  }
  return changes.sort((x, y) => (x.pointer < y.pointer ? -1 : x.pointer > y.pointer ? 1 : 0));
}
