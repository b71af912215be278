import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';

/**
 * docs/ARCHITECTURE.md, "Who may touch what": province code reaches its tables through TenantDatabase, which
 * picks the province's schema and joins the open unit of work. Holding the DataSource (or its EntityManager)
 * skips both, so only the database layer, the tenancy core, the operators' platform and provisioning may have
 * one injected. The source is read with the TypeScript parser rather than by booting the module graph: no
 * database is needed, a finding names its file and line, and an aliased import is still recognised.
 * ESLint's no-restricted-imports (eslint.config.mjs) stops the imports as they are typed; this catches the
 * injection itself, however the names got there.
 */
const SRC = path.join(__dirname, '..', '..', 'src');
// Elsewhere a platform transaction or a connection of its own (training's builds, portability's
// COPY) comes from database/'s PlatformDatabase.
const ALLOWED = ['database', 'tenancy', 'platform', 'provisioning'];

/** What each imported name is, by the module and export it comes from. */
const WATCHED: Record<string, Record<string, string>> = {
  typeorm: { DataSource: 'DataSource', EntityManager: 'EntityManager' },
  '@nestjs/typeorm': {
    InjectDataSource: 'InjectDataSource',
    InjectEntityManager: 'InjectEntityManager',
    getDataSourceToken: 'getDataSourceToken',
    getEntityManagerToken: 'getEntityManagerToken',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Local name → watched export, for `import { DataSource as Db } from 'typeorm'`; namespaces as `ns.`. */
function watchedImports(source: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const exports = WATCHED[statement.moduleSpecifier.text];
    const bindings = statement.importClause?.namedBindings;
    if (!exports || !bindings) continue;
    if (ts.isNamespaceImport(bindings)) {
      for (const name of Object.keys(exports)) names.set(`${bindings.name.text}.${name}`, exports[name]);
      continue;
    }
    for (const element of bindings.elements) {
      const exported = (element.propertyName ?? element.name).text;
      if (exports[exported]) names.set(element.name.text, exports[exported]);
    }
  }
  return names;
}

/** Every DataSource (or EntityManager) injection in one file, as `file:line: what`. */
function injectionsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = watchedImports(source);
  if (names.size === 0) return [];
  const found: string[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push(
      `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`,
    );
  const watched = (node: ts.Node | undefined) => (node ? names.get(node.getText(source)) : undefined);
  const isToken = (node: ts.Expression | undefined) =>
    !!node &&
    (['DataSource', 'EntityManager'].includes(watched(node) ?? '') ||
      (ts.isCallExpression(node) && /Token$/.test(watched(node.expression) ?? '')));

  /** @InjectDataSource(), @InjectEntityManager(), @Inject(DataSource), @Inject(getDataSourceToken()). */
  const checkDecorators = (node: ts.HasDecorators) => {
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call)) continue;
      const name = watched(call.expression);
      if (name === 'InjectDataSource' || name === 'InjectEntityManager') report(decorator, `@${name}()`);
      else if (call.expression.getText(source) === 'Inject' && isToken(call.arguments[0]))
        report(decorator, `@Inject(${call.arguments[0].getText(source)})`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      // Nest injects by the parameter's type only into a decorated class (its design:paramtypes).
      const decorated = (ts.getDecorators(node) ?? []).length > 0;
      for (const member of node.members) {
        if (ts.isPropertyDeclaration(member)) checkDecorators(member);
        if (!ts.isConstructorDeclaration(member)) continue;
        for (const parameter of member.parameters) {
          checkDecorators(parameter);
          const type = parameter.type && ts.isTypeReferenceNode(parameter.type) ? watched(parameter.type.typeName) : '';
          if (type === 'DataSource' || (type === 'EntityManager' && decorated))
            report(parameter, `constructor parameter typed ${type}`);
        }
      }
    }
    // moduleRef.get(DataSource) / resolve(DataSource): the same reach, looked up at run time.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['get', 'resolve'].includes(node.expression.name.text) &&
      isToken(node.arguments[0])
    )
      report(node, `${node.expression.name.text}(${node.arguments[0].getText(source)})`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every injection of a DataSource or EntityManager outside the folders allowed one. */
export function dataSourceInjectionsOutside(files: Array<{ file: string; text: string }>): string[] {
  return files.flatMap(({ file, text }) => {
    const parts = path.relative(SRC, file).split(path.sep);
    if (parts.length > 1 && ALLOWED.includes(parts[0])) return [];
    return injectionsIn(file, text);
  });
}

describe('who may hold the DataSource', () => {
  const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('finds no DataSource or EntityManager injected outside database, tenancy, platform and provisioning', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(dataSourceInjectionsOutside(files)).toEqual([]);
  });

  it('sees the injections the allowed folders do have (the scan is not blind)', () => {
    const inAllowed = files.filter(({ file }) => ALLOWED.includes(path.relative(SRC, file).split(path.sep)[0]));
    const found = inAllowed.flatMap(({ file, text }) => injectionsIn(file, text));
    expect(found.some((f) => f.startsWith(`tenancy${path.sep}`) && f.endsWith('@InjectDataSource()'))).toBe(true);
  });

  it('catches each way a province module could get one, and nothing else', () => {
    const file = path.join(SRC, 'projects', 'sneaky.service.ts');
    const text = [
      "import { Inject, Injectable } from '@nestjs/common';",
      "import { ModuleRef } from '@nestjs/core';",
      "import { InjectDataSource as Pool, getDataSourceToken } from '@nestjs/typeorm';",
      "import { DataSource as Db, EntityManager } from 'typeorm';",
      '/** Mentions DataSource in prose only. */',
      '@Injectable()',
      'export class SneakyService {',
      '  @Inject(Db) private readonly byProperty: Db;',
      '  constructor(',
      '    private readonly byType: Db,',
      '    @Pool() private readonly byDecorator: unknown,',
      '    @Inject(getDataSourceToken()) private readonly byToken: unknown,',
      '    private readonly manager: EntityManager,',
      '    private readonly moduleRef: ModuleRef,',
      '  ) {}',
      '  later() { return this.moduleRef.get(Db, { strict: false }); }',
      '  inTheUnitOfWork(em: EntityManager) { return em; }',
      '}',
    ].join('\n');
    expect(dataSourceInjectionsOutside([{ file, text }])).toEqual([
      'projects/sneaky.service.ts:8: @Inject(Db)',
      'projects/sneaky.service.ts:10: constructor parameter typed DataSource',
      'projects/sneaky.service.ts:11: @InjectDataSource()',
      'projects/sneaky.service.ts:12: @Inject(getDataSourceToken())',
      'projects/sneaky.service.ts:13: constructor parameter typed EntityManager',
      'projects/sneaky.service.ts:16: get(Db)',
    ]);
    // A class of its own called DataSource, not TypeORM's, is nobody's business here.
    const own = 'class DataSource {}\nexport class Feed { constructor(private readonly source: DataSource) {} }';
    expect(dataSourceInjectionsOutside([{ file, text: own }])).toEqual([]);
    // The same code is fine in an allowed folder.
    expect(dataSourceInjectionsOutside([{ file: path.join(SRC, 'tenancy', 'x.service.ts'), text }])).toEqual([]);
  });
});
