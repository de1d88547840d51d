import { RISKS, type Category, type Classification, type Finding, type PolicyLayerCategory, type Risk, type Tag } from '../model/classification.ts';
import type { Signals } from './signals.ts';

/** When two findings rate the same risk, the more specific category names the tool. */
const PRECEDENCE: Category[] = ['execute', 'financial', 'admin', 'communicate', 'network', 'delete', 'write', 'read'];

/** With nothing to go on the tool is treated like PolicyLayer's Execute, which it rates High. */
const UNKNOWN_RISK: Risk = 'high';

/** Findings that only report (contradictions, poisoning) and never decide the category. */
const REPORT_ONLY = new Set(['declaresReadOnlyButWrites', 'declaresNonDestructiveButDeletes', 'hasPoisonedDescription', 'hasInvisibleCharacters', 'hasNoDescription']);

/**
 * Turns findings into one classification (scorecard's evaluation step): the highest risk any
 * finding implies wins, so no single signal, and never an annotation, can lower it.
 */
export function evaluate(signals: Signals, findings: Finding[]): Classification {
  const rated = findings.filter((f) => f.category && f.risk && !REPORT_ONLY.has(f.rule));
  const tags = sortTags(findings.flatMap((f) => f.tags));
  const rules = findings.map((f) => f.rule);
  if (rated.length === 0) {
    return {
      category: 'unknown',
      policyLayerCategory: 'Execute',
      risk: UNKNOWN_RISK,
      tags,
      confidence: signals.description ? 0.3 : 0.2,
      rules,
      findings,
      rationale: unknownRationale(signals, findings),
    };
  }
  const decided = maxRisk(rated.map((f) => f.risk!));
  const top = rated.filter((f) => f.risk === decided);
  const category = PRECEDENCE.find((c) => top.some((f) => f.category === c))!;
  const primary = top.find((f) => f.category === category)!;
  // A report with a risk (a poisoned description) is a floor: it never names the category.
  const floors = findings.filter((f) => REPORT_ONLY.has(f.rule) && f.risk);
  const risk = maxRisk([decided, ...floors.map((f) => f.risk!)]);
  return {
    category,
    policyLayerCategory: policyLayerCategory(category, rules),
    risk,
    tags,
    confidence: confidence(signals, primary, top, findings),
    rules,
    findings,
    rationale: rationale(category, risk, decided, primary, rated, findings),
  };
}

export function policyLayerCategory(category: Category, rules: string[]): PolicyLayerCategory {
  switch (category) {
    case 'read': return 'Read';
    case 'write': return 'Write';
    case 'delete': return 'Destructive';
    case 'execute': return 'Execute';
    case 'network': return rules.includes('submitsInBrowser') ? 'Execute' : 'Read';
    case 'communicate': return 'Write';
    case 'financial': return 'Financial';
    case 'admin': return rules.includes('deletesData') ? 'Destructive' : 'Write';
    case 'unknown': return 'Execute';
  }
}

function maxRisk(risks: Risk[]): Risk {
  return risks.reduce((a, b) => (RISKS.indexOf(b) > RISKS.indexOf(a) ? b : a));
}

function sortTags(tags: Tag[]): Tag[] {
  return [...new Set(tags)].sort();
}

/**
 * How sure we are: code evidence and agreement between name and description raise it; a missing
 * description, a rival category at the same risk, or a contradicting annotation lower it.
 */
function confidence(signals: Signals, primary: Finding, top: Finding[], findings: Finding[]): number {
  let value = 0.6;
  const fields = new Set(primary.evidence.map((e) => (e.kind === 'code' ? 'code' : e.field)));
  if (fields.has('description')) value += 0.15;
  if (fields.has('name')) value += 0.05;
  if (fields.has('code')) value += 0.15;
  if (!signals.description) value -= 0.2;
  if (new Set(top.map((f) => f.category)).size > 1) value -= 0.1;
  if (findings.some((f) => f.rule.startsWith('declares'))) value -= 0.1;
  return Math.round(Math.min(0.95, Math.max(0.1, value)) * 100) / 100;
}

/** The strongest two pieces of evidence: code first, then the description, then the rest. */
function quote(finding: Finding): string {
  const weight = (e: Finding['evidence'][number]) => (e.kind === 'code' ? 0 : e.field === 'description' ? 1 : 2);
  const best = [...finding.evidence].sort((a, b) => weight(a) - weight(b)).slice(0, 2);
  if (best.length === 0) return '';
  const cited = best.map((e) => (e.kind === 'code' ? `${e.file}:${e.line} \`${e.quote}\`` : `${e.field}: "${e.quote}"`));
  return ` (${cited.join('; ')})`;
}

function rationale(category: Category, risk: Risk, decided: Risk, primary: Finding, rated: Finding[], findings: Finding[]): string {
  const raised = risk === decided ? '' : ` (${decided} for what it does, raised by the report below)`;
  const parts = [`${capitalize(risk)} risk${raised}, ${category}: ${lowerFirst(primary.message)}${quote(primary)}`];
  const others = [...new Set(rated.filter((f) => f !== primary && f.category !== category && f.risk !== 'low').map((f) => lowerFirst(f.message)))];
  if (others.length > 0) parts.push(`Also ${others.join('; ')}`);
  for (const report of findings.filter((f) => REPORT_ONLY.has(f.rule) && f.rule !== 'hasNoDescription')) {
    parts.push(`${report.message.replace(/\.$/, '')}${quote(report)}`);
  }
  return `${parts.map((p) => p.replace(/\.$/, '')).join('. ')}.`;
}

function unknownRationale(signals: Signals, findings: Finding[]): string {
  const why = signals.description
    ? `Neither the name "${signals.name}" nor the description says what the tool does`
    : `No description, and the name "${signals.name}" does not say what the tool does`;
  const reports = findings.filter((f) => REPORT_ONLY.has(f.rule) && f.rule !== 'hasNoDescription').map((f) => f.message.replace(/\.$/, ''));
  return `${[why, ...reports].join('. ')}; rated high until reviewed.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
