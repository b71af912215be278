// ESLint (flat config): typescript-eslint's recommended rules, a 120-column limit, and the layer rules of
// docs/ARCHITECTURE.md ("Layers" and "Who may touch what") as import restrictions on src/.
// Formatting is Prettier's job (`prettier --check` runs beside this in `npm run lint`), so
// eslint-config-prettier comes last and turns off every stylistic rule that would disagree with it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

/**
 * Node's globals for the plain .js/.mjs/.cjs files (TypeScript files need none: the compiler checks names,
 * and typescript-eslint turns no-undef off for them). The `globals` package is not installed.
 */
const NODE_GLOBALS = Object.fromEntries(
  [
    ...['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'structuredClone'],
    ...['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask'],
  ].map((name) => [name, 'readonly']),
);
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly' };

/**
 * The layers of src/ (docs/ARCHITECTURE.md, "Layers"): a folder may import only from its own or a lower
 * layer. The table lives in test/architecture/layers.ts, whose test also checks that the folder-level import
 * graph has no cycles (within a layer too, which an import pattern cannot express). Node 20 cannot import a
 * .ts module from here, so its LAYERS literal is read with the TypeScript parser: one table, two checks.
 */
function layersTable() {
  const file = fileURLToPath(new URL('./test/architecture/layers.ts', import.meta.url));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const table = source.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => statement.declarationList.declarations)
    .find((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === 'LAYERS')?.initializer;
  const property = (entry, name) =>
    entry.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
  const layers = table && ts.isArrayLiteralExpression(table) ? table.elements.filter(ts.isObjectLiteralExpression) : [];
  const rows = layers.map((entry) => ({
    layer: Number(property(entry, 'layer')?.getText(source)),
    folders:
      property(entry, 'folders')
        ?.elements?.filter(ts.isStringLiteral)
        .map((folder) => folder.text) ?? [],
  }));
  if (rows.length < 5 || rows.some((row) => Number.isNaN(row.layer) || row.folders.length === 0))
    throw new Error(`eslint.config.mjs: cannot read LAYERS ({ layer, folders: [...] }, literals only) in ${file}`);
  return rows;
}
/** Top-level folder → layer; the files directly in src/ ('(root)' in the table) are handled on their own. */
const layerOf = new Map(
  layersTable().flatMap(({ layer, folders }) =>
    folders.filter((folder) => folder !== '(root)').map((folder) => [folder, layer]),
  ),
);

/** Folders that may name a province's schema through ProvinceSchemas (besides tenancy, which owns it). */
const MAY_NAME_SCHEMAS = ['database', 'platform', 'provisioning', 'portability', 'training', 'cli'];
/** Folders that may reach the DataSource itself; everyone else goes through TenantDatabase. */
const MAY_USE_DATASOURCE = ['database', 'tenancy', 'platform', 'provisioning', 'portability', 'training'];
/**
 * How deep below a top-level folder of src/ a file may sit for these rules (src/forms/catalogue/x.ts is 1,
 * the deepest today). Deeper files escape ESLint only: the layer test in test/architecture/ still reads them.
 */
const MAX_SUBFOLDER_DEPTH = 3;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One no-restricted-imports setting for the files of `folder` that sit `depth` folders below it.
 * Imports are relative, so a file at depth d reaches another top-level folder as `../` × (d + 1).
 * A later config object replaces an earlier one's options for the same rule, so each file gets
 * exactly one setting that holds every restriction on it.
 */
function importRestrictions(folder, depth) {
  const up = depth < 0 ? '\\./' : '\\.\\./'.repeat(depth + 1);
  const higher = [...layerOf].filter(([, layer]) => layer > (layerOf.get(folder) ?? Infinity)).map(([name]) => name);
  const patterns = [];
  if (higher.length > 0)
    patterns.push({
      regex: `^${up}(${higher.map(escape).join('|')})(/|$)`,
      message:
        `${folder}/ is in layer ${layerOf.get(folder)}: it may import only from its own or a lower layer ` +
        '(docs/ARCHITECTURE.md, "Layers").',
    });
  if (folder === 'common')
    patterns.push({
      regex: `^${up}config(/|$)`,
      message: 'common/ must not import config/: pass the values in (docs/ARCHITECTURE.md, "Layers").',
    });
  if (folder !== 'tenancy' && !MAY_NAME_SCHEMAS.includes(folder))
    patterns.push({
      regex: '(^|/)tenancy/province-schemas\\.service$',
      message:
        'Only database/, platform/, provisioning/, portability/, training/ and cli/ name a schema ' +
        '(docs/ARCHITECTURE.md, "Who may touch what").',
    });
  const paths = MAY_USE_DATASOURCE.includes(folder)
    ? []
    : [
        {
          name: 'typeorm',
          importNames: ['DataSource'],
          message: 'Reach province tables through TenantDatabase (docs/ARCHITECTURE.md, "Who may touch what").',
        },
        {
          name: '@nestjs/typeorm',
          importNames: ['InjectDataSource', 'InjectEntityManager', 'getDataSourceToken'],
          message: 'Reach province tables through TenantDatabase (docs/ARCHITECTURE.md, "Who may touch what").',
        },
      ];
  return ['error', { paths, patterns }];
}

const layerConfigs = [
  // The entry points directly in src/ (layer 5) sit above every folder: only the data rules apply to them.
  { files: ['src/*.ts'], rules: { 'no-restricted-imports': importRestrictions('(entry points)', -1) } },
  ...[...layerOf.keys()].flatMap((folder) =>
    Array.from({ length: MAX_SUBFOLDER_DEPTH + 1 }, (_, depth) => ({
      files: [`src/${folder}/${'*/'.repeat(depth)}*.ts`],
      rules: { 'no-restricted-imports': importRestrictions(folder, depth) },
    })),
  ),
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-bench/',
    'dist-web/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: NODE_GLOBALS },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are mistakes, except a deliberately ignored `_` parameter or a rest sibling.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters in a regex are deliberate here: the code strips or refuses them in names and text.
      'no-control-regex': 'off',
    },
  },
  {
    // A pipe held in a constant and passed to @Param() reads as never used (eslint/eslint#20947).
    files: ['**/*.controller.ts'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE_GLOBALS, ...COMMONJS_GLOBALS } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerConfigs,
  prettier,
  {
    // After eslint-config-prettier, which turns max-len off: Prettier wraps code but not comments, and
    // docs/ARCHITECTURE.md keeps every line within 120 columns (scripts/wrap-comments.mjs re-wraps comments).
    // A string or template that would cross the limit is split into concatenated pieces
    // (scripts/wrap-strings.mjs does it and proves the value unchanged).
    rules: {
      'max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
);
