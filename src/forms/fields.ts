import { FieldDefinition, FormDefinition } from './definition';

/*
 * Walking a definition's fields, with nothing that ties it to Node (no hashing, no overlay code),
 * so the browser's editor can run FormValidator on the same code as the server.
 */

/** Every field and column, with its "section.field[.column]" address. */
export function* allFields(
  def: FormDefinition,
): Generator<{ address: string; field: FieldDefinition; table?: FieldDefinition }> {
  for (const s of def.sections) {
    for (const f of s.fields) {
      yield { address: `${s.id}.${f.id}`, field: f };
      for (const c of f.columns ?? []) yield { address: `${s.id}.${f.id}.${c.id}`, field: c, table: f };
    }
  }
}
