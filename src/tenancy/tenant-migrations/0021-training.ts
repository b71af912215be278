import { Migration } from '../../database/migration';

/**
 * Trainees of a training sandbox (src/training): which of the sandbox's users came from the
 * trainer's CSV, with the role and department they train for. Empty in a live province.
 */
export const training0021: Migration = {
  id: '0021-training',
  async up(db) {
    await db.query(`
      CREATE TABLE training_trainees (
        user_id          uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        role             text NOT NULL CHECK (length(role) <= 40),
        department_code  text CHECK (length(department_code) <= 40),
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
  },
};
