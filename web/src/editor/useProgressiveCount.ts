import { startTransition, useEffect, useState } from 'react';

/** Sections a long form shows on its first frame; the rest follow a few per frame. */
export const FIRST_SECTIONS = 3;
export const SECTIONS_PER_FRAME = 2;

/**
 * How many items of a long list to render now. A full PC-I has some 300 inputs: rendering them in
 * one go keeps the page unusable for about a second on an office laptop, so the first sections
 * come at once and the others in interruptible transitions (typing in a shown field always
 * wins over rendering one further down). `all()` renders the rest at once (a jump to a section).
 */
export function useProgressiveCount(total: number): { count: number; all(): void } {
  const [count, setCount] = useState(() => Math.min(FIRST_SECTIONS, total));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() =>
      startTransition(() => setCount((c) => Math.min(total, c + SECTIONS_PER_FRAME))),
    );
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return { count, all: () => setCount(total) };
}
