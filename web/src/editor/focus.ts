import { parsePointer, toPointer } from './pointer';

/*
 * "Take me to this problem": the element bound to a pointer (data-pointer), else the first one
 * inside it (a table's first cell), else its nearest shown ancestor, down to the section heading.
 */

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, output, [tabindex]';

function byPointer(pointer: string): HTMLElement | null {
  const exact = document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
  if (exact) return exact;
  return document.querySelector<HTMLElement>(
    `[data-pointer^="${CSS.escape(`${pointer}/`)}"], [data-table="${CSS.escape(pointer)}"]`,
  );
}

export function focusPointer(pointer: string): boolean {
  const parts = parsePointer(pointer);
  for (let n = parts.length; n >= 1; n--) {
    const at = toPointer(parts.slice(0, n));
    const element = n === 1 ? document.getElementById(sectionAnchor(parts[0])) : byPointer(at);
    if (!element) continue;
    const target = element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
    // A section heading goes to the top (under the sticky bar); a field to the middle, with room around it.
    target.scrollIntoView({ block: n === 1 ? 'start' : 'center', behavior: 'smooth' });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}

/** The id of a section's heading, the target of the navigator's links. */
export const sectionAnchor = (sectionId: string) => `section-${sectionId}`;
