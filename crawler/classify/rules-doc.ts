import type { RuleDefinition } from './rule.ts';
import { RULES } from './rules/index.ts';

export const RULES_DOC_PATH = 'docs/rules.md';

/** docs/rules.md from the rule definitions, in index order, so the docs cannot drift from the code. */
export function renderRulesDoc(): string {
  const out = [
    '<!-- generated — do not edit. Source: crawler/classify/rules/*/definition.ts; regenerate with `npx tsx scripts/generate-rules-doc.ts`. -->',
    '',
    '# Classification rules',
    '',
    'Each rule answers one yes/no question about a tool from its name, description, parameters, annotations and handler code, and quotes its evidence. The evaluator takes the highest risk any rule implies (annotations never lower it, and a report with a floor, such as a poisoned description, can only raise it); with no rule deciding, the tool is `unknown` and treated as high risk until reviewed. See SPEC §5.',
    '',
    '| rule | implies | what it means |',
    '|---|---|---|',
    ...RULES.map(({ definition: d }) => `| [\`${d.id}\`](#${d.id.toLowerCase()}) | ${implied(d)} | ${d.short} |`),
    '',
  ];
  for (const { definition: d } of RULES) {
    const implies = d.implies ? `category \`${d.implies.category}\`, risk ${d.implies.risk}` : d.floor ? 'no category; reported next to the classification' : 'nothing on its own; reported next to the classification';
    out.push(`## ${d.id}`, '', d.short, '', `- **Implies:** ${implies}${d.floor ? `; raises the risk to at least ${d.floor}` : ''}`, `- **Why it matters:** ${d.motivation}`, `- **What to do:** ${d.remediation}`, '');
  }
  return out.join('\n');
}

function implied(d: RuleDefinition): string {
  if (d.implies) return `${d.implies.category}, ${d.implies.risk}`;
  return d.floor ? `report; risk at least ${d.floor}` : 'report only';
}
