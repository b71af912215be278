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
  /** The multipart body's schema (file uploads): its `format: binary` properties are the files. */
  multipart?: SchemaObject;
  /** Operations served only on the operators' console. */
  platform: boolean;
}

/** One part of a multipart body: a field, or a file with the name and type its client claims. */
export type Part =
  { name: string; value: string } | { name: string; file: Uint8Array; filename: string; contentType: string };

/** A request as generated: values still unencoded (encodeRequest turns them into a URL). */
export interface GeneratedRequest {
  pathParams: Record<string, string>;
  query: [string, string][];
  body?: unknown;
  /** For a multipart operation instead of `body`. */
  parts?: Part[];
}

const WRITES: readonly Method[] = ['post', 'put', 'patch', 'delete'];

/** Every write operation (multipart uploads included) and every GET that takes query filters. */
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
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      operations.push({
        method: method as Method,
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query,
        body: json ? (json.schema ?? {}) : undefined,
        multipart: multipart ? (multipart.schema ?? {}) : undefined,
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

/** What an upload's bytes start with: the magic numbers the app sniffs, and text, so some pass the first check. */
const FILE_STARTS = [
  '%PDF-1.7\n',
  '\x89PNG\r\n\x1a\n',
  '\xff\xd8\xff\xe0',
  'II*\x00',
  'PK\x03\x04',
  '\x1f\x8b\x08\x00',
  'name,email,role,department\n',
  'Title,Form,Cost\n',
  '',
].map((text) => Buffer.from(text, 'latin1'));

/** Uploads whose start, name and declared type agree, so they pass the first checks and reach the parsers. */
const UPLOAD_KINDS = [
  { start: '%PDF-1.7\n', filename: 'study.pdf', type: 'application/pdf' },
  { start: '\x89PNG\r\n\x1a\n', filename: 'map.png', type: 'image/png' },
  { start: '\xff\xd8\xff\xe0', filename: 'site.jpg', type: 'image/jpeg' },
  { start: 'II*\x00', filename: 'drawing.tiff', type: 'image/tiff' },
  { start: 'Title,Form,Total cost\n', filename: 'portfolio.csv', type: 'text/csv' },
  {
    start: 'PK\x03\x04',
    filename: 'portfolio.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { start: '\x1f\x8b\x08\x00', filename: 'gb.tar.gz', type: 'application/gzip' },
];

const uploadBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(...FILE_STARTS), fc.uint8Array({ maxLength: 2048 }))
  .map(([start, rest]) => Buffer.concat([start, rest]));

const uploadName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('study.pdf', 'map.png', 'scan.tiff', 'gb.tar.gz', 'portfolio.xlsx', 'portfolio.csv', ''),
  hostileString,
);

const uploadType: fc.Arbitrary<string> = fc.constantFrom(
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'application/gzip',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'text/html',
  '',
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
    if (operation.multipart) return fc.record({ pathParams, query, parts: this.parts(operation.multipart) });
    return fc.record({ pathParams, query, body });
  }

  /**
   * A multipart body from its schema: each declared file or field present or not, plus now and then a
   * file under a name nobody expects, a second copy of the file, or a field of hostile name and value.
   */
  private parts(schema: SchemaObject): fc.Arbitrary<Part[]> {
    const resolved = this.resolve(schema);
    const required = new Set(resolved.required ?? []);
    const declared = Object.entries(resolved.properties ?? {}).map(([name, child]) => {
      const part: fc.Arbitrary<Part[]> =
        this.resolve(child).format === 'binary'
          ? this.filePart(name).map((p) => [p])
          : this.value(child, name, 1).map((v) => [{ name, value: typeof v === 'string' ? v : JSON.stringify(v) }]);
      return fc.option(part, { freq: required.has(name) ? 8 : 2, nil: [] as Part[] });
    });
    const extra = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          this.filePart(fc.constantFrom('file', 'files', 'upload')),
          fc.record({ name: hostileString, value: hostileString }),
        ),
      },
    );
    return fc.tuple(fc.tuple(...declared), extra).map(([parts, more]) => [...parts.flat(), ...(more ? [more] : [])]);
  }

  /** A file part: mostly a coherent one (bytes, name and type of one kind), sometimes any mix. */
  private filePart(name: string | fc.Arbitrary<string>): fc.Arbitrary<Part> {
    const partName = typeof name === 'string' ? fc.constant(name) : name;
    const mixed = fc.record({ name: partName, file: uploadBytes, filename: uploadName, contentType: uploadType });
    const coherent = fc
      .tuple(partName, fc.constantFrom(...UPLOAD_KINDS), fc.uint8Array({ maxLength: 2048 }))
      .map(([partName, kind, rest]) => ({
        name: partName,
        file: Buffer.concat([Buffer.from(kind.start, 'latin1'), rest]),
        filename: kind.filename,
        contentType: kind.type,
      }));
    return fc.oneof({ weight: 2, arbitrary: coherent }, { weight: 1, arbitrary: mixed });
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

/**
 * The multipart/form-data body of `parts`, as raw bytes: names and file names go into the headers as
 * UTF-8, unescaped (quotes, CR/LF and NUL included), as a hostile client would send them.
 */
export function multipartBody(parts: readonly Part[]): { contentType: string; body: Buffer } {
  const boundary = `----daftar-fuzz-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      'file' in part
        ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          (part.contentType ? `Content-Type: ${part.contentType}\r\n` : '')
        : `Content-Disposition: form-data; name="${part.name}"\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`, 'utf8'));
    chunks.push('file' in part ? Buffer.from(part.file) : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
