import { Inject, Injectable } from '@nestjs/common';
import { EDITIONS } from './catalogue/editions';
import { FormDefinition, FormEdition } from './definition';
import { definitionProblems } from './definition-check';

/** The base definitions this release ships (tests inject a catalogue with an extra version). */
export const BASE_FORMS = Symbol('BASE_FORMS');

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** The base catalogue, checked once at start-up: a broken definition stops the process. */
@Injectable()
export class FormCatalogue {
  private readonly byKey = new Map<string, FormDefinition[]>();

  constructor(@Inject(BASE_FORMS) definitions: readonly FormDefinition[]) {
    const problems = definitions.flatMap((d) => definitionProblems(d).map((p) => `${d.key} ${d.version}: ${p}`));
    if (problems.length) throw new Error(`The form catalogue has problems:\n${problems.join('\n')}`);
    for (const d of definitions) {
      const list = this.byKey.get(d.key) ?? [];
      if (list.some((x) => x.version === d.version))
        throw new Error(`The form catalogue has ${d.key} ${d.version} twice`);
      list.push(d);
      list.sort((a, b) => compareVersions(a.version, b.version));
      this.byKey.set(d.key, list);
    }
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  latest(key: string): FormDefinition | undefined {
    return this.byKey.get(key)?.at(-1);
  }

  get(key: string, version: string): FormDefinition | undefined {
    return this.byKey.get(key)?.find((d) => d.version === version);
  }

  versions(key: string): string[] {
    return (this.byKey.get(key) ?? []).map((d) => d.version);
  }

  // --- editions ---------------------------------------------------------------------------------

  /**
   * The proforma edition a form follows. A form without an entry (a test's own catalogue) is a
   * proforma of its own with one edition named after its newest version.
   */
  edition(key: string): FormEdition {
    const known = EDITIONS[key];
    if (known) return known;
    const latest = this.latest(key);
    return { proforma: key, id: latest?.version ?? '1', label: latest?.title ?? { en: key, ur: key } };
  }

  /** The forms that are editions of a proforma, newest edition first. */
  editionsOf(proforma: string): { key: string; edition: FormEdition }[] {
    return this.keys()
      .map((key) => ({ key, edition: this.edition(key) }))
      .filter((e) => e.edition.proforma === proforma)
      .sort((a, b) => b.edition.id.localeCompare(a.edition.id, 'en', { numeric: true }));
  }

  /** Every proforma once, in catalogue order. */
  proformae(): string[] {
    return [...new Set(this.keys().map((key) => this.edition(key).proforma))];
  }
}
