import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers of src/ (docs/ARCHITECTURE.md, "Layers"): a top-level folder may import only from its own
 * layer or a lower one, and the folder-level import graph has no cycles. Exported so the ESLint
 * config can build its boundary rules from the same table. A new top-level folder must be placed here.
 */
export const LAYERS: ReadonlyArray<{ layer: number; name: string; folders: readonly string[] }> = [
  { layer: 0, name: 'foundation', folders: ['common', 'config', 'logging', 'redis'] },
  { layer: 1, name: 'data', folders: ['database'] },
  { layer: 2, name: 'tenancy core', folders: ['tenancy', 'jobs'] },
  {
    layer: 3,
    name: 'province feature modules',
    folders: [
      'audit',
      'auth',
      'users',
      'departments',
      'master-data',
      'forms',
      'routing',
      'workflow',
      'projects',
      'approvals',
      'attachments',
      'printing',
      'exports',
      'imports',
      'notifications',
      'reminders',
      'webhooks',
      'mail',
      'events',
      'portfolio',
    ],
  },
  {
    layer: 4,
    name: 'platform and operations',
    folders: [
      'platform',
      'provisioning',
      'portability',
      'training',
      'metrics',
      'queue-board',
      'health',
      'web-app',
      'rate-limit',
    ],
  },
  { layer: 5, name: 'entry points', folders: ['(root)', 'cli'] },
];

/** The folder name used for files directly in src/. */
export const ROOT = '(root)';

/** The layer of a top-level folder, or undefined if the folder is not placed in the table. */
export function layerOf(folder: string): number | undefined {
  return LAYERS.find((entry) => entry.folders.includes(folder))?.layer;
}

export interface SourceFile {
  /** Path relative to src/, with forward slashes: 'auth/jwt.strategy.ts'. */
  file: string;
  text: string;
}

export interface ImportEdge {
  from: string;
  to: string;
  /** The importing file and the specifier, for failure messages. */
  file: string;
  specifier: string;
}

/** Every .ts file under src/ except specs, with its text. */
export function readSources(srcDir: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
    });
  return walk(srcDir).map((full) => ({
    file: path.relative(srcDir, full).split(path.sep).join('/'),
    text: readFileSync(full, 'utf8'),
  }));
}

/** The top-level folder of a path relative to src/ ('(root)' for files directly in src/). */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 1 ? ROOT : parts[0];
}

// import … from '…', export … from '…', import '…', import('…'), require('…')
const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[\w*\s{},$]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The code of a file without comments, so a comment quoting an import does not count. */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The folder-level import edges (relative imports that cross a top-level folder of src/). */
export function importEdges(files: SourceFile[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const { file, text } of files) {
    const code = codeOf(text);
    const from = folderOf(file);
    for (const pattern of SPECIFIERS) {
      for (const match of code.matchAll(pattern)) {
        const specifier = match[1];
        if (!specifier.startsWith('.')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (target.startsWith('..')) continue; // leaves src/ (e.g. package.json): not a folder edge
        // '../auth' names a folder's index; '../app.module' a file directly in src/.
        const to = target.includes('/') || !isFolderName(files, target) ? folderOf(target) : target;
        if (to !== from) edges.push({ from, to, file, specifier });
      }
    }
  }
  return edges;
}

function isFolderName(files: SourceFile[], name: string): boolean {
  return files.some((source) => source.file.startsWith(`${name}/`));
}

/** Adjacency of the folder graph, each edge once. */
export function folderGraph(edges: ImportEdge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/**
 * Every elementary cycle found by a depth-first search, one per strongly connected back edge, as
 * folder paths ['a', 'b', 'a']. Empty when the graph is acyclic.
 */
export function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Imports that point to a higher layer, as 'file -> specifier (layer a -> layer b)'. */
export function upwardImports(edges: ImportEdge[]): string[] {
  return edges
    .filter(({ from, to }) => (layerOf(to) ?? -1) > (layerOf(from) ?? Infinity))
    .map(
      ({ from, to, file, specifier }) => `${file} -> ${specifier} (${from} L${layerOf(from)} -> ${to} L${layerOf(to)})`,
    );
}

/** Top-level folders of src/ (and targets of imports) that the layer table does not place. */
export function unplacedFolders(files: SourceFile[]): string[] {
  const folders = new Set(files.map((source) => folderOf(source.file)));
  return [...folders].filter((folder) => layerOf(folder) === undefined).sort();
}
