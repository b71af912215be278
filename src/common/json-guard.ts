import type { NextFunction, Request, Response } from 'express';

/** Keys that reach Object.prototype when code merges user data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses hostile JSON bodies before any code walks them: nesting deeper than `maxDepth`
 * (recursive validators and transformers would overflow the stack) and prototype-polluting
 * keys. Iterative, so the check itself cannot overflow. Size is capped by the body parser.
 */
export function jsonGuard(maxDepth: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const problem = inspect(req.body, maxDepth);
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: [problem] });
  };
}

export function inspect(body: unknown, maxDepth: number): string | null {
  if (body === null || typeof body !== 'object') return null;
  const stack: { value: object; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (depth > maxDepth) return `the JSON body is nested deeper than ${maxDepth} levels (at ${path})`;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `the key "${key}" is not allowed (at ${path}/${key})`;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1, path: `${path}/${key}` });
    }
  }
  return null;
}
