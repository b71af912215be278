import { Migration } from '../../database/migration';

/** User profile fields, and one-time tokens for invitations and password resets (stored hashed). */
export const userProfiles0004: Migration = {
  id: '0004-user-profiles',
  async up(db) {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN designation    text CHECK (length(designation) <= 200),
        ADD COLUMN department_id  uuid REFERENCES departments(id) ON DELETE SET NULL,
        ADD COLUMN phone          text CHECK (phone ~ '^\\+?[0-9 -]{7,20}$'),
        ADD COLUMN locale         text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ur'))`);
    await db.query(`CREATE INDEX users_department_idx ON users (department_id)`);
    await db.query(`
      CREATE TABLE user_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose     text NOT NULL CHECK (purpose IN ('invitation', 'password-reset')),
        token_hash  text NOT NULL UNIQUE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id)`);
  },
};
