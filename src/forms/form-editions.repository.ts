import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The province's choice of edition per proforma (table form_current_editions, migration 0014). */
@Injectable()
export class FormEditionsRepository {
  /** proforma → the form key new projects start on; proformae without a row use the newest edition. */
  async chosen(em: EntityManager): Promise<Map<string, string>> {
    const rows: { proforma: string; form_key: string }[] = await em.query(
      `SELECT proforma, form_key FROM form_current_editions`,
    );
    return new Map(rows.map((r) => [r.proforma, r.form_key]));
  }

  async choose(em: EntityManager, proforma: string, formKey: string, by: string | null): Promise<void> {
    await em.query(
      `INSERT INTO form_current_editions (proforma, form_key, chosen_by) VALUES ($1, $2, $3)
       ON CONFLICT (proforma) DO UPDATE SET form_key = EXCLUDED.form_key, ` +
        `chosen_by = EXCLUDED.chosen_by, chosen_at = now()`,
      [proforma, formKey, by],
    );
  }

  /** Forms with at least one published version in this province. */
  async installed(em: EntityManager, keys: string[]): Promise<Set<string>> {
    const rows: { form_key: string }[] = await em.query(
      `SELECT DISTINCT form_key FROM form_versions WHERE form_key = ANY($1)`,
      [keys],
    );
    return new Set(rows.map((r) => r.form_key));
  }
}
