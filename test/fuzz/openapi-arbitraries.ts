import fc from 'fast-check';

/**
 * fast-check arbitraries built from the app's own OpenAPI document: for every operation, a request
 * (path parameters, query, JSON body) that is mostly well-formed (so it reaches the code behind the
 * validation) with hostile values mixed in (so the edge is tried too).
 */

export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
}

interface ParameterObject {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  /** The OpenAPI path, e.g. `/api/users/{id}`. */
  path: string;
  /** `{name}` segments of the path (also those the document forgot to declare). */
  pathParams: string[];
  query: { name: string; schema: SchemaObject }[];
  /** The JSON body's schema; `{}` when the operation takes JSON of no declared shape. */
  body?: SchemaObject;
  /** Operations served only on the operators' console. */
  platform: boolean;
}

/** A request as generated: values still unencoded (encodeRequest turns them into a URL). */
export interface GeneratedRequest {
  pathParams: Record<string, string>;
  query: [string, string][];
  body?: unknown;
}

const WRITES: readonly Method[] = ['post', 'put', 'patch', 'delete'];

/** Every write operation and every GET that takes query filters, with multipart uploads left out. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', ...WRITES].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const query = parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } }));
      if (method === 'get' && query.length === 0) continue;
      const content = operation.requestBody?.content ?? {};
      if (content['multipart/form-data']) continue;
      const json = content['application/json'];
      operations.push({
        method: method as Method,
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query,
        body: json ? (json.schema ?? {}) : undefined,
        platform: path.startsWith('/api/platform/'),
      });
    }
  }
  return operations;
}

/** Characters that break naive code: NUL, lone surrogates, bidi overrides, zero-width, C1, markup, quotes. */
const NASTY_CHARS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0085',
  '\u001b',
  '<',
  '>',
  "'",
  '"',
  '\\',
  '%',
  '/',
  '..',
  '\n',
  'ی',
  '\u200c',
  '😀',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY_CHARS), fc.string({ maxLength: 3 })), { maxLength: 8 })
    .map((parts) => parts.join('')),
  fc.constantFrom(
    '',
    ' ',
    '1e20',
    '-1',
    '0',
    '99999999999999999999',
    '2147483648',
    '-010000-01-01T00:00:00Z',
    '275760-09-13T00:00:00Z',
    '2026-02-30',
    'NaN',
    'Infinity',
    'null',
    'true',
    '00000000-0000-0000-0000-000000000000',
    "' OR 1=1 --",
    '../../etc/passwd',
  ),
  // Longer than any column (names 200, codes 80) and than a btree index row (~2.7 KB).
  fc.constantFrom('x'.repeat(81), 'y'.repeat(257), 'z'.repeat(3000), 'w'.repeat(300_000)),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e20, -1e20, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1.5, -0, 0, -1, Number.MAX_VALUE),
);

/** Any JSON value with hostile leaves: for bodies of no declared shape and for type confusion. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Values the app really holds, by property name (harvested from its GET answers), to reach deep code. */
export type Pools = Map<string, unknown[]>;

export class ArbitraryFactory {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly pools: Pools,
    /** Ids of rows of the signed-in province and of the other one (cross-province attempts). */
    private readonly ids: string[],
  ) {}

  request(operation: Operation): fc.Arbitrary<GeneratedRequest> {
    const pathParams = fc.record(
      Object.fromEntries(operation.pathParams.map((name) => [name, this.pathValue(name)])),
    ) as fc.Arbitrary<Record<string, string>>;
    const query = fc
      .tuple(
        ...operation.query.map((p) =>
          fc.option(
            fc.oneof(
              {
                weight: 4,
                arbitrary: this.queryValue(p.name, p.schema).map((v) => [[p.name, v]] as [string, string][]),
              },
              // Repeated parameter: Express hands the handler an array where it expects a string.
              {
                weight: 1,
                arbitrary: fc.tuple(hostileString, hostileString).map(
                  ([a, b]) =>
                    [
                      [p.name, a],
                      [p.name, b],
                    ] as [string, string][],
                ),
              },
            ),
            { freq: 3 },
          ),
        ),
      )
      .map((parts) => parts.flatMap((p) => p ?? []));
    const body =
      operation.body === undefined
        ? fc.constant(undefined)
        : fc.oneof(
            { weight: 6, arbitrary: this.value(operation.body, 'body', 0) },
            { weight: 1, arbitrary: hostileJson },
          );
    return fc.record({ pathParams, query, body });
  }

  private known(name: string): unknown[] {
    return this.pools.get(name) ?? [];
  }

  private pathValue(name: string): fc.Arbitrary<string> {
    const known = this.known(name).filter((v): v is string => typeof v === 'string');
    const real = /id$/i.test(name) ? [...known, ...this.ids] : known;
    const options: fc.WeightedArbitrary<string>[] = [
      { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0) },
    ];
    if (real.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...real) });
    options.push({ weight: 1, arbitrary: fc.uuid() });
    return fc.oneof(...options);
  }

  private queryValue(name: string, schema: SchemaObject): fc.Arbitrary<string> {
    const resolved = this.resolve(schema);
    const valid: unknown[] = [...this.known(name), ...(resolved.enum ?? [])];
    if (resolved.example !== undefined) valid.push(resolved.example);
    if (/id$/i.test(name)) valid.push(...this.ids);
    if (resolved.type === 'number' || resolved.type === 'integer') valid.push(1, 2, 50);
    if (resolved.type === 'boolean') valid.push(true, false);
    const options: fc.WeightedArbitrary<string>[] = [
      { weight: 1, arbitrary: hostileString },
      { weight: 1, arbitrary: hostileNumber.map(String) },
    ];
    if (valid.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...valid.map(String)) });
    return fc.oneof(...options);
  }

  private resolve(schema: SchemaObject): SchemaObject {
    let current = schema;
    for (let i = 0; current.$ref && i < 10; i++) {
      const name = current.$ref.split('/').pop()!;
      current = this.document.components?.schemas?.[name] ?? {};
    }
    if (current.allOf?.length) return Object.assign({}, ...current.allOf.map((s) => this.resolve(s)));
    return current;
  }

  /** A value for `schema` at property `name`: valid-looking most of the time, hostile sometimes. */
  value(schema: SchemaObject, name: string, depth: number): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const hostile = fc.oneof(
      hostileString,
      hostileNumber,
      fc.constant(null),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
    );
    // Mostly plausible, so a request with several fields still often gets past validation to the code behind.
    return fc.oneof({ weight: 10, arbitrary: this.valid(resolved, name, depth) }, { weight: 1, arbitrary: hostile });
  }

  private valid(schema: SchemaObject, name: string, depth: number): fc.Arbitrary<unknown> {
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((s) => this.value(s, name, depth)));
    const seen: unknown[] = [...this.known(name)];
    if (schema.example !== undefined) seen.push(schema.example);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.type === 'object' || schema.properties) {
      if (depth > 4 || !schema.properties) {
        return seen.length ? fc.oneof(fc.constantFrom(...seen), hostileJson) : hostileJson;
      }
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties).map(
        ([key, child]) =>
          [
            key,
            required.has(key)
              ? this.value(child, key, depth + 1)
              : fc.option(this.value(child, key, depth + 1), { nil: undefined }),
          ] as const,
      );
      return fc
        .record(Object.fromEntries(fields))
        .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
    }
    if (schema.type === 'array') {
      const item = schema.items ?? {};
      const items = fc.array(this.value(item, name, depth + 1), { maxLength: 4 });
      return seen.length ? fc.oneof(fc.constantFrom(...seen), items) : items;
    }
    const fromPool = seen.length ? [fc.constantFrom(...seen)] : [];
    switch (schema.type) {
      case 'number':
      case 'integer':
        return fc.oneof(...fromPool, fc.integer({ min: 0, max: 1000 }), hostileNumber);
      case 'boolean':
        return fc.boolean();
      case 'string':
        if (/id$/i.test(name) && this.ids.length) return fc.oneof(...fromPool, fc.constantFrom(...this.ids), fc.uuid());
        if (schema.format === 'date-time')
          return fc.oneof(
            ...fromPool,
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          );
        return fromPool.length
          ? fc.oneof({ weight: 3, arbitrary: fromPool[0] }, { weight: 1, arbitrary: hostileString })
          : hostileString;
      default:
        return fromPool.length ? fc.oneof(fromPool[0], hostileJson) : hostileJson;
    }
  }
}

/**
 * A URL component: percent-encoded UTF-8, and a lone surrogate (which has no UTF-8 form and makes
 * encodeURIComponent throw) sent as the bytes a careless client would send, ED A0 80.
 */
export function encodeComponent(value: string): string {
  return [...value]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

/** The request target: path with parameters filled in, then the query string. */
export function targetOf(operation: Operation, request: GeneratedRequest): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeComponent(request.pathParams[name] ?? 'x'),
  );
  const query = request.query.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}
