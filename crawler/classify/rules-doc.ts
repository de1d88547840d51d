import { RULES } from './rules/index.ts';

export const RULES_DOC_PATH = 'docs/rules.md';

/** docs/rules.md from the rule definitions, in index order, so the docs cannot drift from the code. */
export function renderRulesDoc(): string {
  const out = [
    '<!-- generated — do not edit. Source: crawler/classify/rules/*/definition.ts; regenerate with `npx tsx scripts/generate-rules-doc.ts`. -->',
    '',
    '# Classification rules',
    '',
    'Each rule answers one yes/no question about a tool from its name, description, parameters, annotations and handler code, and quotes its evidence. The evaluator takes the highest risk any rule implies (annotations never lower it); with no rule deciding, the tool is `unknown` and treated as high risk until reviewed. See SPEC §5.',
    '',
    '| rule | implies | what it means |',
    '|---|---|---|',
    ...RULES.map(({ definition: d }) => `| [\`${d.id}\`](#${d.id.toLowerCase()}) | ${d.implies ? `${d.implies.category}, ${d.implies.risk}` : 'report only'} | ${d.short} |`),
    '',
  ];
  for (const { definition: d } of RULES) {
    out.push(`## ${d.id}`, '', d.short, '', `- **Implies:** ${d.implies ? `category \`${d.implies.category}\`, risk ${d.implies.risk}` : 'nothing on its own; reported next to the classification'}`, `- **Why it matters:** ${d.motivation}`, `- **What to do:** ${d.remediation}`, '');
  }
  return out.join('\n');
}
