import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_DIR } from '../config/paths';

/** The lists a province keeps in master_data_items (departments have their own table). */
export const MASTER_DATA_LISTS = [
  'districts',
  'tehsils',
  'sectors',
  'sub-sectors',
  'funding-sources',
  'approval-forums',
] as const;
export type MasterDataList = (typeof MASTER_DATA_LISTS)[number];

export interface SeedItem {
  code: string;
  parent?: string;
  en: string;
  ur: string;
}

interface SeedFile {
  province: string | null;
  sources: { list: string; source: string; asOf?: string; verify?: boolean }[];
  lists: Partial<Record<MasterDataList | 'departments', SeedItem[]>>;
}

const SEED_DIR = path.join(CONFIG_DIR, 'master-data');

function read(name: string): SeedFile | undefined {
  const file = path.join(SEED_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedFile) : undefined;
}

/**
 * The master data a new province starts with (departments included: they have their own table
 * and codes in capitals, e.g. "CW"): config/master-data/default.json, with each list
 * replaced by the province's own file (config/master-data/<slug>.json) where it has one.
 */
export function seedFor(slug: string): Record<MasterDataList | 'departments', SeedItem[]> {
  const base = read('default');
  const own = /^[a-z0-9-]+$/.test(slug) ? read(slug) : undefined;
  const lists = [...MASTER_DATA_LISTS, 'departments'] as const;
  return Object.fromEntries(lists.map((list) => [list, own?.lists[list] ?? base?.lists[list] ?? []])) as Record<
    MasterDataList | 'departments',
    SeedItem[]
  >;
}
