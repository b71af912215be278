/** What the portfolio needs to know of a tenant to decide whether it is a real province. */
export interface PortfolioCandidate {
  slug: string;
  /** The live province a training sandbox belongs to (the registry's sandbox_of); null for a live province. */
  sandboxOf: string | null;
}

/**
 * Whether a tenant stays out of every cross-province figure: training sandboxes hold synthetic
 * projects, and counting them would inflate the host's portfolio. The one place this is decided;
 * the registry's link, not the slug, says what is a sandbox (a live province may be named anything).
 */
export function excludedFromPortfolio(tenant: PortfolioCandidate): boolean {
  return tenant.sandboxOf !== null;
}
