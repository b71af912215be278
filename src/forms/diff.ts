import { allFields } from './compile';
import { FieldDefinition, FormDefinition, OptionItem } from './definition';

export interface DefinitionChange {
  /** "section", "section.field" or "section.table.column". */
  address: string;
  change: 'added' | 'removed' | 'changed';
  details?: { property: string; from?: unknown; to?: unknown; added?: string[]; removed?: string[] }[];
}

/** What a field's data and presentation depend on; compared one by one between versions. */
const PROPERTIES: (keyof FieldDefinition)[] = [
  'type',
  'label',
  'help',
  'required',
  'locked',
  'hidden',
  'constraints',
  'default',
  'widget',
  'totals',
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function optionValues(options: FieldDefinition['options']): string[] {
  return Array.isArray(options) ? options.map((o: OptionItem) => o.value) : [];
}

function fieldChanges(a: FieldDefinition, b: FieldDefinition): DefinitionChange['details'] {
  const details: NonNullable<DefinitionChange['details']> = [];
  for (const p of PROPERTIES) if (!same(a[p], b[p])) details.push({ property: p, from: a[p], to: b[p] });
  const before = optionValues(a.options);
  const after = optionValues(b.options);
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  if (added.length || removed.length) details.push({ property: 'options', added, removed });
  else if (!same(a.options, b.options)) details.push({ property: 'options', from: 'labels', to: 'relabelled' });
  return details;
}

/** Field-level differences from `a` to `b`: what a province admin reviews before publishing. */
export function diffDefinitions(a: FormDefinition, b: FormDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const sectionsA = new Map(a.sections.map((s, i) => [s.id, { s, i }]));
  const sectionsB = new Map(b.sections.map((s, i) => [s.id, { s, i }]));
  for (const [id, { s }] of sectionsA)
    if (!sectionsB.has(id))
      changes.push({ address: id, change: 'removed', details: [{ property: 'number', from: s.number }] });
  for (const [id, { s }] of sectionsB) {
    const before = sectionsA.get(id)?.s;
    if (!before) changes.push({ address: id, change: 'added', details: [{ property: 'number', to: s.number }] });
    else {
      const details = (['number', 'label', 'help'] as const)
        .filter((p) => !same(before[p], s[p]))
        .map((p) => ({ property: p, from: before[p], to: s[p] }));
      if (details.length) changes.push({ address: id, change: 'changed', details });
    }
  }
  const fieldsA = new Map([...allFields(a)].map((x) => [x.address, x.field]));
  const fieldsB = new Map([...allFields(b)].map((x) => [x.address, x.field]));
  for (const [address, field] of fieldsA)
    if (!fieldsB.has(address))
      changes.push({ address, change: 'removed', details: [{ property: 'type', from: field.type }] });
  for (const [address, field] of fieldsB) {
    const before = fieldsA.get(address);
    if (!before) {
      changes.push({ address, change: 'added', details: [{ property: 'type', to: field.type }] });
      continue;
    }
    const details = fieldChanges(before, field);
    if (details?.length) changes.push({ address, change: 'changed', details });
  }
  return changes;
}
