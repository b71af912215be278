import { Migration } from '../migration';

/**
 * A province's own request rate limit (issue 16, "noisy neighbours"): requests per minute across
 * every API process. NULL means the deployment's default (RATE_LIMIT_PER_PROVINCE_PER_MINUTE), so
 * changing the default moves every province that has no limit of its own.
 */
export const rateLimit0004: Migration = {
  id: '0004-rate-limit',
  async up(db) {
    await db.query(
      `ALTER TABLE platform.tenants ADD COLUMN rate_limit_per_minute integer
         CHECK (rate_limit_per_minute BETWEEN 1 AND 10000000)`,
    );
  },
};
