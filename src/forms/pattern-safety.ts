import { isSafePattern } from 'redos-detector';

const MAX_PATTERN_LENGTH = 200;
/**
 * How many ways one input may match before a pattern counts as unsafe. Real field patterns
 * (codes, dates, phone numbers) score 1; catastrophic ones grow without bound.
 */
const MAX_PATTERN_AMBIGUITY = 10;
/** Bounds on the analysis itself, so a hostile pattern cannot make the check slow. */
const PATTERN_CHECK_MAX_STEPS = 1000;
const PATTERN_CHECK_TIMEOUT_MS = 100;
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
  const verdict = analysePattern(pattern);
  if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(pattern, verdict);
  return verdict;
}

function analysePattern(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'pattern is not a valid regular expression';
  }
  const analysis = isSafePattern(pattern, {
    unicode: true, // Ajv compiles patterns with the u flag
    maxScore: MAX_PATTERN_AMBIGUITY,
    maxSteps: PATTERN_CHECK_MAX_STEPS,
    timeout: PATTERN_CHECK_TIMEOUT_MS,
  });
  if (!analysis.safe) {
    return analysis.error === 'hitMaxSteps' || analysis.error === 'timedOut'
      ? 'pattern is too complex to prove it cannot backtrack catastrophically; simplify it'
      : 'pattern may backtrack catastrophically (nested or overlapping repetition); simplify it';
  }
  return null;
}
