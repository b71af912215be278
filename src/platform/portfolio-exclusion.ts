/** What the portfolio needs to know of a tenant to decide whether it is a real province. */
export interface PortfolioCandidate {
  slug: string;
  /** The province a training sandbox belongs to (the registry's sandbox_of), when the registry has it. */
  sandboxOf?: string | null;
}

/** Training sandboxes (issue 17 item 1) are named `<province>-training`. */
const SANDBOX_SUFFIX = '-training';

/**
 * Whether a tenant stays out of every cross-province figure: training sandboxes hold synthetic
 * projects, and counting them would inflate the host's portfolio. The one place this is decided.
 */
export function excludedFromPortfolio(tenant: PortfolioCandidate): boolean {
  return tenant.slug.endsWith(SANDBOX_SUFFIX) || !!tenant.sandboxOf;
}
