/** Risk levels in ascending order of danger (SPEC §5). */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

/** 0 for critical up to 3 for low; anything unclassified sorts last. */
export function riskRank(risk: string | null | undefined): number {
  return isRiskLevel(risk) ? RISK_LEVELS.length - 1 - RISK_LEVELS.indexOf(risk) : RISK_LEVELS.length;
}

/** The badge text, as PolicyLayer words it: "High Risk". */
export function riskLabel(risk: string | null | undefined): string {
  return isRiskLevel(risk) ? `${risk[0].toUpperCase()}${risk.slice(1)} Risk` : 'Unclassified';
}

/** Critical first, then by name (code-point order, so the result does not depend on the locale). */
export function compareByRisk(a: { risk: string | null; name: string }, b: { risk: string | null; name: string }): number {
  return riskRank(a.risk) - riskRank(b.risk) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** What a reader should do at each level; shown on the risk pages. */
export const RISK_SUMMARY: Record<RiskLevel, string> = {
  low: 'Reads public or non-sensitive data, or changes trivial session-local state. Allowed by the recommended policy.',
  medium: 'Reads private data or makes reversible changes. Allowed with a rate limit of 30 calls a minute.',
  high: 'Irreversible changes, code in constrained contexts, caller-chosen hosts, messages to other people. Allowed with a rate limit of 10 calls a minute.',
  critical: 'Shell or interpreter on the host, moving money, changing permissions or credentials. Hidden and denied by the recommended policy.',
};

/** Tools per risk-level page. */
export const RISK_PAGE_SIZE = 500;
