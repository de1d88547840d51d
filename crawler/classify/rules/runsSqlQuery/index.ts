import type { Finding } from '../../../model/classification.ts';
import { codeCalls, codeEvidence, compact, leadEvidence, nameEvidence, paramEvidence } from '../../evidence.ts';
import { finding, hasVerb } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const QUERY_NAME = /^(sql|query|queries|cypher|\w+ql)$/;
const FREE_QUERY = /\b(raw|arbitrary|custom|any) (\w+ )?(sql|\w+ql|query|queries|statements?)\b/i;
const DATABASE = /\b(sql|\w+ql|database|db|jdbc|tables?|select|insert|postgres\w*|mysql|sqlite|mongo\w*|cypher|neo4j|bigquery|snowflake|duckdb|clickhouse)\b/i;
const WRITES = /\b(insert|update|delete|drop|create|alter|truncate|raw|arbitrary|any|write|writes|modify)\b/i;
const READ_ONLY = /\b(select|read-only|readonly|read only)\b/i;

export function check(signals: Signals): Finding | null {
  const named = signals.nameWords.some((word) => QUERY_NAME.test(word));
  const param = signals.params.find((p) => p.words.some((word) => QUERY_NAME.test(word) || word === 'statement'));
  const free = FREE_QUERY.test(signals.lead);
  const code = codeCalls(signals, 'sql');
  const context = DATABASE.test(`${signals.nameWords.join(' ')} ${signals.description}`) || code.length > 0;
  if (!(named || param || free) || !context) return null;
  const readOnly = (READ_ONLY.test(signals.lead) || hasVerb(signals, 'read')) && !WRITES.test(signals.lead) && !hasVerb(signals, 'write');
  return finding(definition, {
    message: readOnly ? 'Runs a caller-written query that is meant to be read-only (SELECT).' : 'Runs a caller-written query that can change data.',
    category: 'execute',
    risk: readOnly ? 'medium' : 'high',
    tags: ['database'],
    evidence: compact([
      named ? nameEvidence(signals) : null,
      signals.lead ? leadEvidence(signals) : null,
      param ? paramEvidence(param.name, param.description) : null,
      ...code.map(codeEvidence),
    ]),
  });
}
