import { parse } from 'csv-parse/sync';
import { ROLES } from '../tenancy/permissions';

/** One trainee as the trainer's CSV lists them (header: name,email,role,department). */
export interface TraineeLine {
  line: number;
  name: string;
  email: string;
  role: string;
  department: string | null;
}

/** Roles a trainee may train for: every province role but the administrator's. */
export const TRAINEE_ROLES = ROLES.filter((r) => r !== 'tenant_admin');
export const MAX_TRAINEES_PER_CSV = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the CSV and names every problem by line and column; the caller writes nothing unless the
 * list is empty. A header row is required so columns may come in any order.
 */
export function parseTrainees(text: string): { trainees: TraineeLine[]; problems: string[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    return { trainees: [], problems: [`csv: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  if (!records.length)
    problems.push('csv: no trainees (expected a header name,email,role,department and one line per trainee)');
  if (records.length > MAX_TRAINEES_PER_CSV) problems.push(`csv: at most ${MAX_TRAINEES_PER_CSV} trainees at a time`);
  const seen = new Set<string>();
  const trainees = records.map((r, i) => {
    const line = i + 2;
    const t = {
      line,
      name: r.name ?? '',
      email: (r.email ?? '').toLowerCase(),
      role: (r.role ?? '').toLowerCase(),
      department: r.department || null,
    };
    if (!t.name || t.name.length > 200) problems.push(`line ${line}: name is required (at most 200 characters)`);
    if (!EMAIL.test(t.email) || t.email.length > 320)
      problems.push(`line ${line}: email "${t.email}" is not an email address`);
    else if (seen.has(t.email)) problems.push(`line ${line}: email ${t.email} appears twice`);
    seen.add(t.email);
    if (!(TRAINEE_ROLES as readonly string[]).includes(t.role))
      problems.push(`line ${line}: role "${t.role}" must be one of ${TRAINEE_ROLES.join(', ')}`);
    return t;
  });
  return { trainees, problems };
}
