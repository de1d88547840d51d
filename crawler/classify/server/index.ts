import { RISKS, type Classification, type Risk } from '../../model/classification.ts';
import type { Tool } from '../../model/tool.ts';
import { LEGS, legsOf, type Leg } from './legs.ts';

export { LEGS, legsOf, type Leg, type LegReason } from './legs.ts';

export interface ServerAssessment {
  /** The riskiest tool's level, raised to at least high when the trifecta is present. */
  risk: Risk;
  counts: Record<Risk, number>;
  trifecta: { present: boolean } & Record<Leg, string[]>;
  notes: string[];
}

/** How "no tool ..." reads for each missing leg. */
const LEG_WORDS: Record<Leg, string> = {
  privateData: 'reads private data',
  untrustedContent: 'takes in untrusted content',
  externalCommunication: 'communicates externally',
};

/**
 * What a server's tools amount to together: how many at each risk, and whether between them they
 * read private data, take in content others wrote and send data out (the "lethal trifecta"), so
 * that text injected into the content can make the agent leak the data. Same input, same output.
 */
export function assessServer(tools: { tool: Tool; classification: Classification }[]): ServerAssessment {
  const counts = Object.fromEntries(RISKS.map((risk) => [risk, 0])) as Record<Risk, number>;
  const legs: Record<Leg, Map<string, string>> = { privateData: new Map(), untrustedContent: new Map(), externalCommunication: new Map() };
  for (const { tool, classification } of tools) {
    counts[classification.risk] += 1;
    for (const { leg, why } of legsOf(tool, classification)) if (!legs[leg].has(tool.name)) legs[leg].set(tool.name, why);
  }
  const names = (leg: Leg) => [...legs[leg].keys()].sort(compare);
  const present = LEGS.every((leg) => legs[leg].size > 0);
  const highest = [...RISKS].reverse().find((risk) => counts[risk] > 0) ?? 'low';
  const risk = present && RISKS.indexOf(highest) < RISKS.indexOf('high') ? 'high' : highest;
  return {
    risk,
    counts,
    trifecta: { present, privateData: names('privateData'), untrustedContent: names('untrustedContent'), externalCommunication: names('externalCommunication') },
    notes: notes(tools, legs, present, highest, risk),
  };
}

function notes(
  tools: { tool: Tool; classification: Classification }[],
  legs: Record<Leg, Map<string, string>>,
  present: boolean,
  highest: Risk,
  risk: Risk,
): string[] {
  const out: string[] = [];
  if (present) {
    const list = (leg: Leg) => [...legs[leg].keys()].sort(compare).join(', ');
    out.push(`Lethal trifecta: private data from ${list('privateData')}; untrusted content from ${list('untrustedContent')}; external communication through ${list('externalCommunication')}. Instructions hidden in the untrusted content can make the agent send the private data out.`);
    const all = [...legs.privateData.keys()].filter((name) => legs.untrustedContent.has(name) && legs.externalCommunication.has(name)).sort(compare);
    for (const name of all) out.push(`${name} covers all three by itself (${legs.privateData.get(name)}).`);
    if (risk !== highest) out.push(`Server risk raised from ${highest} to ${risk} for the trifecta.`);
    out.push('Break one leg: hide or deny the tools that communicate externally, or restrict their hosts and recipients.');
  } else {
    const missing = LEGS.filter((leg) => legs[leg].size === 0);
    if (missing.length < LEGS.length) out.push(`No lethal trifecta: no tool ${missing.map((leg) => LEG_WORDS[leg]).join(' or ')}.`);
  }
  const unknown = tools.filter(({ classification }) => classification.category === 'unknown').map(({ tool }) => tool.name).sort(compare);
  if (unknown.length > 0) out.push(`Unclassified tools (${unknown.join(', ')}) may add legs this assessment cannot see.`);
  return out;
}

/** Code-point order, so the output does not depend on the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
