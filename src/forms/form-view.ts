import { CompiledForm, formUi, UiField, UiSection } from './compile';
import { Locale, Localized } from './definition';

/*
 * A compiled version as a browser asks for it: the same schema and rules, with every label,
 * help text and option in one language, and a pointer → label table for showing errors.
 */

const pick = (text: Localized | undefined, locale: Locale) => (text ? text[locale] || text.en : undefined);

type LocalizedField = Omit<UiField, 'label' | 'help' | 'options' | 'columns'> & {
  label: string;
  help?: string;
  options?: { value: string; label: string; parent?: string }[];
  columns?: LocalizedField[];
};

function field(f: UiField, locale: Locale, labels: Record<string, string>): LocalizedField {
  labels[f.pointer] = pick(f.label, locale)!;
  return {
    ...f,
    label: pick(f.label, locale)!,
    help: pick(f.help, locale),
    options: f.options?.map((o) => ({
      value: o.value,
      label: pick(o.label, locale)!,
      ...(o.parent ? { parent: o.parent } : {}),
    })),
    columns: f.columns?.map((c) => field(c, locale, labels)),
  };
}

export function localizeCompiled(compiled: CompiledForm, locale: Locale) {
  const labels: Record<string, string> = {};
  const sections = formUi(compiled.definition).sections.map((s: UiSection) => {
    labels[s.pointer] = `${s.number}. ${pick(s.label, locale)}`;
    return {
      ...s,
      label: pick(s.label, locale)!,
      help: pick(s.help, locale),
      fields: s.fields.map((f) => field(f, locale, labels)),
    };
  });
  const d = compiled.definition;
  return {
    key: compiled.key,
    family: d.family,
    variant: d.variant,
    baseVersion: compiled.baseVersion,
    locale,
    title: pick(compiled.title, locale)!,
    source: d.source,
    schema: compiled.schema,
    ui: { sections },
    rules: d.rules,
    checks: d.checks.map((c) => ({ ...c, message: pick(c.message, locale)! })),
    labels,
    // The compiled definition, so a browser can run the same FormValidator (form-validator.ts) as the server.
    definition: d,
  };
}
