import type { Finding } from '../../../model/classification.ts';
import { codeCalls, codeEvidence, compact, descriptionEvidence, nameEvidence, paramEvidence } from '../../evidence.ts';
import { finding, hasEffect } from '../../rule.ts';
import type { Signals } from '../../signals.ts';
import { definition } from './definition.ts';

export { definition };

const TEXT = new RegExp([
  // The verb must act on the URL ("Fetches a URL"), not describe it ("a download URL").
  String.raw`(^|\b(to|and|or|then|that|which) )(fetch|download|retrieve|get|open|load|scrape|crawl|browse|visit|read|request|call)(e?s)? (an? |the |any |arbitrary |given |specified |provided |multiple |one or more )*(web ?pages?|urls?|websites?|uris?|remote files?|links?|http endpoints?)\b`,
  String.raw`\bfrom (the )?(internet|web|a url|any url)\b`,
  String.raw`\b(any|arbitrary|caller[- ]supplied|user[- ]supplied) (url|host|endpoint|domain|website)s?\b`,
  String.raw`\b(http|https|web) requests?\b`,
  String.raw`\bconnects? to (a |an |the |another |any |a different |a new )?(\w+ )?(endpoint|host|remote server|url)\b`,
].join('|'), 'i');
const URL_PARAM = new Set(['url', 'urls', 'uri', 'href', 'endpoint', 'host', 'hostname', 'website', 'webpage']);
const URL_NAME = new Set(['url', 'urls', 'webpage', 'website', 'scrape', 'crawl', 'http', 'curl', 'wget']);

export function check(signals: Signals): Finding | null {
  const acts = signals.actions.length > 0;
  const text = descriptionEvidence(signals, TEXT);
  const named = acts && signals.nameWords.some((word) => URL_NAME.has(word));
  const param = signals.params.find((p) => p.words.some((word) => URL_PARAM.has(word)));
  const paramNames = signals.params.map((p) => p.name);
  const code = codeCalls(signals, 'http').filter((call) => /\burl\b/i.test(call.quote) || paramNames.some((name) => call.quote.includes(name)));
  const fromParam = param && (hasEffect(signals, 'read', 'create', 'run', 'update') || code.length > 0);
  if (!text && !named && !fromParam && code.length === 0) return null;
  return finding(definition, {
    category: 'network',
    risk: 'high',
    tags: ['network'],
    evidence: compact([
      named ? nameEvidence(signals) : null,
      text,
      fromParam && param ? paramEvidence(param.name, param.description) : null,
      ...code.map(codeEvidence),
    ]),
  });
}
