import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/ARCHITECTURE.md, "Who may touch what": province code never names a schema. It reaches its
 * tables through TenantDatabase, which takes the schema from the current province; naming one
 * (ProvinceSchemas, search_path, quoting a schema identifier) is for the tenancy core, the database
 * layer, the operators' platform, provisioning and the CLI only.
 */
const SRC = path.join(__dirname, '..', '..', 'src');
// training copies a live province's configuration into its sandbox, so it names both schemas.
const ALLOWED = ['tenancy', 'database', 'platform', 'provisioning', 'portability', 'training', 'cli'];

/** Code that names a schema: the ways to pick, set or quote one. */
const SCHEMA_NAMING: Array<[string, RegExp]> = [
  ['ProvinceSchemas', /\bProvinceSchemas\b/],
  ['TenantDatabase.unitOfWork()', /\.unitOfWork\(/],
  ['search_path', /search_path/i],
  ["set_config('search_path')", /set_config\s*\(/],
  ['quoteIdent()', /\bquoteIdent\(/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** The code of a file without its comments, so prose may mention search_path freely. */
export function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every place outside the allowed folders that names a schema, as `file: what`. */
export function schemaNamingOutside(files: Array<{ file: string; text: string }>): string[] {
  return files.flatMap(({ file, text }) => {
    const folder = path.relative(SRC, file).split(path.sep)[0];
    if (ALLOWED.includes(folder) || folder === 'common') return [];
    const code = codeOf(text);
    return SCHEMA_NAMING.filter(([, pattern]) => pattern.test(code)).map(
      ([what]) => `${path.relative(SRC, file)}: ${what}`,
    );
  });
}

describe('who may name a schema', () => {
  it('finds no schema naming outside tenancy, database, platform, provisioning and cli', () => {
    const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(schemaNamingOutside(files)).toEqual([]);
  });

  it('catches a province module that names a schema, but not a comment that mentions one', () => {
    const file = path.join(SRC, 'projects', 'sneaky.repository.ts');
    const named = schemaNamingOutside([
      { file, text: "await em.query(`SET LOCAL search_path TO ${quoteIdent('tenant_kp')}`);" },
      { file, text: 'constructor(private readonly schemas: ProvinceSchemas) {}' },
    ]);
    expect(named).toEqual([
      'projects/sneaky.repository.ts: search_path',
      'projects/sneaky.repository.ts: quoteIdent()',
      'projects/sneaky.repository.ts: ProvinceSchemas',
    ]);
    expect(schemaNamingOutside([{ file, text: '/** runs in the search_path of the unit of work */' }])).toEqual([]);
  });
});
