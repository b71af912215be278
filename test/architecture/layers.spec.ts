import path from 'node:path';
import {
  findCycles,
  folderGraph,
  importEdges,
  LAYERS,
  readSources,
  ROOT,
  SourceFile,
  unplacedFolders,
  upwardImports,
} from './layers';

/**
 * docs/ARCHITECTURE.md, "Layers": every import of src/ points to the same or a lower layer, the
 * folder-level import graph has no cycles (within a layer too), and every top-level folder is placed
 * in a layer. Imports are read from the source text (relative specifiers of import, export … from,
 * import() and require), specs left out.
 */
const SRC = path.join(__dirname, '..', '..', 'src');

const source = (file: string, ...specifiers: string[]): SourceFile => ({
  file,
  text: specifiers.map((s, i) => `import { x${i} } from '${s}';`).join('\n'),
});

describe('the layers of src/', () => {
  const files = readSources(SRC);
  const edges = importEdges(files);

  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('places every top-level folder in a layer', () => {
    // A new folder must be given a layer in test/architecture/layers.ts (and eslint.config.mjs).
    expect(unplacedFolders(files)).toEqual([]);
  });

  it('names no folder in the table that src/ does not have', () => {
    const present = new Set(files.map((f) => (f.file.includes('/') ? f.file.split('/')[0] : ROOT)));
    const stale = LAYERS.flatMap((l) => l.folders).filter((folder) => !present.has(folder));
    expect(stale).toEqual([]);
  });

  it('has no import pointing to a higher layer', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('has no folder-level import cycle', () => {
    const cycles = findCycles(folderGraph(edges)).map((cycle) => {
      // Each arrow with the files that make it, so the failure says what to move.
      const arrows = cycle.slice(1).map((to, i) => {
        const from = cycle[i];
        const where = edges.filter((e) => e.from === from && e.to === to).map((e) => `${e.file} -> ${e.specifier}`);
        return `  ${from} -> ${to}: ${[...new Set(where)].join(', ')}`;
      });
      return `${cycle.join(' -> ')}\n${arrows.join('\n')}`;
    });
    expect(cycles).toEqual([]);
  });
});

describe('the layer checker', () => {
  it('catches a synthetic cycle and reports its path', () => {
    const edges = importEdges([
      source('auth/a.ts', '../users/b'),
      source('users/b.ts', '../audit/c'),
      source('audit/c.ts', '../auth/a'),
      source('departments/d.ts', '../users/b'),
    ]);
    expect(findCycles(folderGraph(edges))).toEqual([['audit', 'auth', 'users', 'audit']]);
  });

  it('finds no cycle in a graph that only points down', () => {
    const edges = importEdges([
      source('projects/p.ts', '../forms/f', '../tenancy/t'),
      source('forms/f.ts', '../tenancy/t', '../common/c'),
      source('tenancy/t.ts', '../database/d'),
    ]);
    expect(findCycles(folderGraph(edges))).toEqual([]);
    expect(upwardImports(edges)).toEqual([]);
  });

  it('catches an upward import, through every form of import', () => {
    const text = [
      "import type { A } from '../auth/a';",
      "export { B } from '../platform/b';",
      "const c = require('../users/c');",
      "const d = await import('../cli/d');",
      "import {\n  E,\n  F,\n} from '../projects/e';",
      "import '../provisioning/side-effect';",
      "// import { G } from '../metrics/g'; a comment is no import",
    ].join('\n');
    const edges = importEdges([{ file: 'tenancy/t.ts', text }]);
    expect(edges.map((e) => e.to).sort()).toEqual(['auth', 'cli', 'platform', 'projects', 'provisioning', 'users']);
    expect(upwardImports(edges)).toHaveLength(6);
  });

  it('tells an entry point in src/ from a folder, and allows entry points to import anything', () => {
    const files = [
      source('cli.ts', './cli/commands', './platform/platform.module'),
      source('cli/commands.ts', '../app.module'),
      source('app.module.ts', './auth/auth.module'),
      source('auth/auth.module.ts'),
      source('platform/platform.module.ts'),
    ];
    const edges = importEdges(files);
    expect(edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([
      '(root)>auth',
      '(root)>cli',
      '(root)>platform',
      'cli>(root)',
    ]);
    expect(upwardImports(edges)).toEqual([]);
    expect(findCycles(folderGraph(edges))).toEqual([['(root)', 'cli', '(root)']]);
  });

  it('fails a folder that no layer places', () => {
    expect(unplacedFolders([source('reports/r.ts'), source('auth/a.ts'), source('main.ts')])).toEqual(['reports']);
  });
});
