/* eslint-disable @typescript-eslint/no-require-imports -- jest.isolateModules takes a synchronous require() */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/ARCHITECTURE.md, "Layers": each module registers the entities it owns
 * (TypeOrmModule.forFeature) and the one DataSource loads them (autoLoadEntities), so the database
 * layer names no business table. forFeature records its entities when the module's file is loaded,
 * so a process knows only the entities of the module files it loads: an entity whose module no
 * process file reaches fails at run time ("No metadata for …"), in production only, since a test
 * that loads the API has loaded them all. Each entry point is loaded here in a fresh module
 * registry, as its own process would.
 */
const SRC = path.join(__dirname, '..', '..', 'src');

function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entityFiles(full);
    return entry.name.endsWith('.entity.ts') ? [full] : [];
  });
}

/** Every entity class of src/, by name. */
function allEntities(): string[] {
  let names: string[] = [];
  jest.isolateModules(() => {
    for (const file of entityFiles(SRC)) require(file);
    const { getMetadataArgsStorage } = require('typeorm') as typeof import('typeorm');
    names = getMetadataArgsStorage().tables.map((t) => (t.target as { name: string }).name);
  });
  return [...new Set(names)].sort();
}

/** The entities the default DataSource of a process built from this entry module would load. */
function entitiesLoadedBy(entryModule: string): string[] {
  let names: string[] = [];
  jest.isolateModules(() => {
    require(path.join(SRC, entryModule));
    const { EntitiesMetadataStorage } = require('@nestjs/typeorm/dist/entities-metadata.storage') as {
      EntitiesMetadataStorage: { getEntitiesByDataSource(name: string): Array<{ name: string }> };
    };
    names = EntitiesMetadataStorage.getEntitiesByDataSource('default').map((entity) => entity.name);
  });
  return [...new Set(names)].sort();
}

describe('entity registration', () => {
  const every = allEntities();

  it('finds the entities of src/', () => {
    expect(every).toEqual(expect.arrayContaining(['Tenant', 'User', 'ProjectDocument', 'MasterDataItem']));
  });

  it.each(['app.module', 'worker.module', 'cli.module'])('%s loads every entity', (entry) => {
    expect(entitiesLoadedBy(entry)).toEqual(every);
  });

  it('the database layer names no entity', () => {
    expect(entitiesLoadedBy('database/database.module')).toEqual([]);
  });
});
