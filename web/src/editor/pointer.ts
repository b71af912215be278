/*
 * JSON pointers into form data, changed immutably: an edit copies only the objects on its path,
 * so every untouched section, table and row keeps its identity and its memoised component.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function getAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of parsePointer(pointer)) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of `data` with the value at `pointer` replaced; `undefined` removes it (an array item is spliced out). */
export function setAt<T>(data: T, pointer: string, value: unknown): T {
  return setParts(data, parsePointer(pointer), value) as T;
}

function setParts(node: unknown, parts: string[], value: unknown): unknown {
  if (parts.length === 0) return value;
  const [key, ...rest] = parts;
  if (Array.isArray(node)) {
    const index = key === '-' ? node.length : Number(key);
    const copy = node.slice();
    const next = setParts(node[index], rest, value);
    if (next === undefined && rest.length === 0) copy.splice(index, 1);
    else copy[index] = next;
    return copy;
  }
  const record: Record<string, unknown> = isRecord(node) ? { ...node } : {};
  const next = setParts(record[key], rest, value);
  if (next === undefined) delete record[key];
  else record[key] = next;
  return record;
}

/**
 * `next`, with every part that equals the same part of `prev` replaced by `prev`'s object: the
 * validator returns a fresh copy of the whole form, and this keeps unchanged rows identical (===).
 */
export function share<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const shared = share(prev[i], item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  if (isRecord(prev) && isRecord(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = share(prev[key], next[key]);
      if (shared !== prev[key] || !(key in prev)) same = false;
      out[key] = shared;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

/** True when `pointer` is `ancestor` or lies inside it. */
export function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
