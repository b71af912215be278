import { isSafePattern } from 'redos-detector';

const MAX_PATTERN_LENGTH = 200;
/**
 * How many ways one input may match before a pattern counts as unsafe. Real field patterns
 * (codes, dates, phone numbers) score 1; catastrophic ones grow without bound.
 */
const MAX_PATTERN_AMBIGUITY = 10;
/**
 * Bounds on the analysis itself. The step bound decides (deterministic: the same verdict on any
 * machine, at most ~0.2 s for a hostile pattern here); the time bound is only a backstop, and a
 * verdict reached by it is not remembered, so a busy moment cannot refuse a pattern for good.
 */
const PATTERN_CHECK_MAX_STEPS = 1000;
const PATTERN_CHECK_TIMEOUT_MS = 2000;
/** Verdicts kept, so re-saving or re-compiling an overlay does not analyse its patterns again. */
const VERDICT_CACHE_SIZE = 1000;
const verdicts = new Map<string, string | null>();

/**
 * Refuses patterns that do not compile or that can backtrack catastrophically (ReDoS).
 * redos-detector walks every path through the pattern, so it also catches overlapping
 * alternation such as `^(\w|\d)+$`, which star-height checks miss; a pattern too complex to
 * analyse within the bounds is refused as well.
 */
export function checkPattern(pattern: string): string | null {
  if (verdicts.has(pattern)) return verdicts.get(pattern)!;
  const { verdict, timedOut } = analysePattern(pattern);
  if (!timedOut) {
    if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(pattern, verdict);
  }
  return verdict;
}

function analysePattern(pattern: string): { verdict: string | null; timedOut: boolean } {
  const refused = (verdict: string) => ({ verdict, timedOut: false });
  if (pattern.length > MAX_PATTERN_LENGTH) return refused(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  try {
    new RegExp(pattern, 'u');
  } catch {
    return refused('pattern is not a valid regular expression');
  }
  const analysis = isSafePattern(pattern, {
    unicode: true, // Ajv compiles patterns with the u flag
    maxScore: MAX_PATTERN_AMBIGUITY,
    maxSteps: PATTERN_CHECK_MAX_STEPS,
    timeout: PATTERN_CHECK_TIMEOUT_MS,
  });
  if (analysis.safe) return { verdict: null, timedOut: false };
  const tooComplex = analysis.error === 'hitMaxSteps' || analysis.error === 'timedOut';
  return {
    verdict: tooComplex
      ? 'pattern is too complex to prove it cannot backtrack catastrophically; simplify it'
      : 'pattern may backtrack catastrophically (nested or overlapping repetition); simplify it',
    timedOut: analysis.error === 'timedOut',
  };
}
