import type { NextFunction, Request, Response } from 'express';

/** Keys that reach Object.prototype when code merges user data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * NUL, or a UTF-16 surrogate without its partner: neither is text Postgres can store (text and
 * jsonb refuse U+0000, a lone surrogate has no UTF-8 form) and a lone surrogate makes
 * encodeURIComponent throw inside validators. `\p{Cs}` under /u matches only unpaired halves.
 */
const NOT_TEXT = /[\u0000]|\p{Cs}/u;

/** Why a string is not storable text, or null when it is. */
export function textProblem(value: string): string | null {
  const match = NOT_TEXT.exec(value);
  if (!match) return null;
  return match[0] === '\u0000'
    ? 'contains a NUL character (U+0000)'
    : `contains a lone UTF-16 surrogate (U+${match[0].charCodeAt(0).toString(16).toUpperCase()})`;
}

/**
 * Refuses hostile JSON bodies and query strings before any code walks them: nesting deeper than
 * `maxDepth` (recursive validators and transformers would overflow the stack), prototype-polluting
 * keys, and keys or strings that are not well-formed text (see textProblem). The 400 names the
 * field's path. Iterative, so the check itself cannot overflow. Size is capped by the body parser.
 */
export function jsonGuard(maxDepth: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Query parameters are named as the DTOs name them (`q`, not `query.q`).
    const problem = inspect(req.body, maxDepth) ?? inspect(req.query, maxDepth);
    if (!problem) return next();
    res.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: [problem.message],
      fields: { [problem.field]: [problem.message] },
    });
  };
}

export interface InputProblem {
  /** Dotted path of the offending field, e.g. `data.items.0.title`, or a query parameter's name. */
  field: string;
  message: string;
}

export function inspect(input: unknown, maxDepth: number, root = ''): InputProblem | null {
  const at = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  if (typeof input === 'string') {
    const problem = textProblem(input);
    return problem ? { field: root || 'body', message: `${root || 'body'} ${problem}` } : null;
  }
  if (input === null || typeof input !== 'object') return null;
  const stack: { value: object; depth: number; path: string }[] = [{ value: input, depth: 1, path: root }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (depth > maxDepth)
      return { field: path || 'body', message: `the JSON body is nested deeper than ${maxDepth} levels (at ${path})` };
    for (const key of Object.keys(value)) {
      const field = at(path, key);
      if (FORBIDDEN_KEYS.has(key)) return { field, message: `the key "${key}" is not allowed (at ${field})` };
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: path || 'body', message: `a key in ${path || 'the body'} ${keyProblem}` };
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        const problem = textProblem(child);
        if (problem) return { field, message: `${field} ${problem}` };
      } else if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1, path: field });
    }
  }
  return null;
}
