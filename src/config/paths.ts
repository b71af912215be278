import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's `config/` folder (shipped data: master-data seeds), found by walking up from
 * this file, so it resolves the same from src/ (tests), dist/ (build) and dist-bench/ (bench).
 */
function findConfigDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'config', 'master-data');
    if (existsSync(candidate)) return path.join(dir, 'config');
    if (path.dirname(dir) === dir) throw new Error(`config/master-data not found above ${__dirname}`);
  }
}

export const CONFIG_DIR = findConfigDir();

/** The repository's root (the folder holding config/, package.json, dist/). */
export const PROJECT_ROOT = path.dirname(CONFIG_DIR);
