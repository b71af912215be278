import { Migration } from '../../database/migration';

/**
 * A user's token version (users module, TokenVersions): every access token carries the version it
 * was issued at, and a change of roles, a disabled account or a new password raises it, so older
 * tokens are refused on their next request instead of when they expire.
 */
export const userTokenVersion0020: Migration = {
  id: '0020-user-token-version',
  async up(db) {
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  },
};
