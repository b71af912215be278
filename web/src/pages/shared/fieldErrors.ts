import { ApiError } from '../../api/client';

/**
 * The server's 400 messages by field, first message each: from `fields` when the server names
 * them, otherwise from messages that start with the field's name ("title must be …").
 */
export function fieldErrorsOf(error: unknown, fieldNames: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.fields)) {
    const name = fieldNames.find((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
    if (name && messages[0] && !out[name]) out[name] = messages[0];
  }
  if (Object.keys(out).length) return out;
  for (const message of error.messages) {
    const name = fieldNames.find((f) => message.startsWith(`${f} `) || message.startsWith(`${f}:`));
    if (name && !out[name]) out[name] = message;
  }
  return out;
}

/** Messages of a 400 that no field on the screen shows (they go to the form's own alert). */
export function otherMessages(error: unknown, shown: Record<string, string>): string[] {
  if (!(error instanceof ApiError)) return [];
  const atFields = new Set(Object.values(shown));
  return error.messages.filter((m) => !atFields.has(m));
}
