import { expect, Locator, Page } from '@playwright/test';

/*
 * Fills the editor from a data object the way a person would, field by field through the
 * inputs the form version renders (found by their JSON pointer, `data-pointer`), adding table
 * rows with the table's own "Add row" button. Computed figures (read-only) are skipped: the
 * editor computes them. Returns the pointers it filled, so a test can read them back.
 */

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const esc = (pointer: string) => pointer.replace(/"/g, '\\"');

export const at = (page: Page, pointer: string): Locator => page.locator(`[data-pointer="${esc(pointer)}"]`);

/** The value a field shows: an input's value, a checkbox's state, or an output's text. */
export async function readValue(locator: Locator): Promise<string | boolean> {
  return locator.evaluate((el) => {
    if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked;
    const radio = el.querySelector('input[type=radio]:checked') as HTMLInputElement | null;
    if (radio || el.querySelector('input[type=radio]')) return radio?.value ?? '';
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      return el.value;
    return (el.textContent ?? '').trim();
  });
}

async function kindOf(locator: Locator): Promise<'checkbox' | 'select' | 'text' | 'readonly' | 'group' | 'radio'> {
  return locator.evaluate((el) => {
    if (el instanceof HTMLInputElement) {
      if (el.readOnly || el.disabled) return 'readonly';
      return el.type === 'checkbox' ? 'checkbox' : 'text';
    }
    if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? 'readonly' : 'text';
    if (el instanceof HTMLSelectElement) return el.disabled ? 'readonly' : 'select';
    if (el.querySelector('input[type=radio]')) return 'radio';
    return el.querySelector('input[type=checkbox]') ? 'group' : 'readonly';
  });
}

async function fillScalar(page: Page, pointer: string, value: unknown, filled: Map<string, unknown>): Promise<void> {
  const target = at(page, pointer);
  if ((await target.count()) === 0) return; // not shown (a visibility rule), or a computed figure shown elsewhere
  const field = target.first();
  const kind = await kindOf(field);
  if (kind === 'readonly') return;
  if (kind === 'group' && Array.isArray(value)) {
    for (const code of value) await field.locator(`input[type=checkbox][value="${esc(String(code))}"]`).check();
  } else if (kind === 'radio') {
    await field.locator(`input[type=radio][value="${esc(String(value))}"]`).check();
  } else if (kind === 'checkbox') {
    await field.setChecked(value === true);
  } else if (kind === 'select') {
    await field.selectOption(String(value));
  } else {
    await field.fill(String(value));
  }
  filled.set(pointer, value);
}

async function fillTable(page: Page, pointer: string, table: Data, filled: Map<string, unknown>): Promise<void> {
  const rows = Array.isArray(table.rows) ? (table.rows as Data[]) : [];
  const container = page.locator(`[data-table="${esc(pointer)}"]`);
  if ((await container.count()) === 0) return;
  const first = rows[0] ? Object.keys(rows[0])[0] : undefined;
  if (!first) return;
  const shown = () => container.locator(`[data-pointer^="${esc(pointer)}/rows/"][data-pointer$="/${first}"]`).count();
  while ((await shown()) < rows.length) {
    const before = await shown();
    await container.getByRole('button', { name: 'Add row' }).click();
    await expect.poll(shown).toBe(before + 1);
  }
  for (let i = 0; i < rows.length; i++) {
    for (const [column, value] of Object.entries(rows[i]))
      await fillScalar(page, `${pointer}/rows/${i}/${column}`, value, filled);
  }
}

/** Fills every field of `data` that the editor shows as an input; `skip` leaves pointers alone. */
/** Long forms render their later sections a few frames after the first ones: wait for all. */
export async function formRendered(page: Page): Promise<void> {
  await expect(page.getByTestId('document')).toBeVisible();
  await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0);
}

export async function fillForm(
  page: Page,
  data: Data,
  skip: (pointer: string, value: unknown) => boolean = () => false,
): Promise<Map<string, unknown>> {
  await formRendered(page);
  const filled = new Map<string, unknown>();
  for (const [sectionId, section] of Object.entries(data)) {
    if (!isObject(section)) continue;
    for (const [fieldId, value] of Object.entries(section)) {
      const pointer = `/${sectionId}/${fieldId}`;
      if (skip(pointer, value)) continue;
      if (isObject(value) && Array.isArray(value.rows)) await fillTable(page, pointer, value, filled);
      else if (value !== null && value !== undefined) await fillScalar(page, pointer, value, filled);
    }
  }
  return filled;
}

/** Reads back every filled field and returns the ones whose value differs. */
export async function differences(page: Page, filled: Map<string, unknown>): Promise<string[]> {
  await formRendered(page);
  const out: string[] = [];
  for (const [pointer, expected] of filled) {
    const target = at(page, pointer).first();
    if (Array.isArray(expected)) {
      for (const code of expected) {
        if (!(await target.locator(`input[type=checkbox][value="${esc(String(code))}"]`).isChecked()))
          out.push(`${pointer}: ${code} not ticked`);
      }
      continue;
    }
    const shown = await readValue(target);
    const want = typeof expected === 'boolean' ? expected : String(expected);
    if (String(shown) !== String(want))
      out.push(`${pointer}: shows ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`);
  }
  return out;
}
