import { html, type Html } from '../lib/html.ts';
import { isRiskLevel, riskLabel } from '../lib/risk.ts';

export function riskBadge(risk: string | null): Html {
  return html`<span class="risk-badge risk-${isRiskLevel(risk) ? risk : 'none'}">${riskLabel(risk)}</span>`;
}
