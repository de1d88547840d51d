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
/** A parameter whose description says it holds an address: "URL or data URI of the file". */
const URL_DESCRIPTION = /^(the |a |an )?(\w+ )?(url|uri|web address)s?\b(?![ -](slug|path|segment|fragment|parameter|query|encoded|safe))/i;
/** "redirect_url", "logo_url": an address stored on an object for people to follow, not one the server requests. */
const STORED_URL_ROLES = new Set(['redirect', 'return', 'success', 'cancel', 'logo', 'icon', 'avatar', 'homepage', 'privacy', 'terms', 'support']);
const URL_PARAM = new Set(['url', 'urls', 'uri', 'href', 'endpoint', 'host', 'hostname', 'website', 'webpage']);
const URL_NAME = new Set(['webpage', 'website', 'scrape', 'crawl', 'http', 'curl', 'wget']);
/** "fetch_url", "open_url": `url` counts when a fetching verb acts on it, not in "dashboard_url". */
const FETCH_VERBS = new Set(['fetch', 'get', 'open', 'read', 'load', 'visit', 'browse', 'download', 'request', 'call', 'navigate', 'go', 'goto', 'scrape', 'crawl', 'retrieve']);

function namesFetchedUrl(words: string[]): boolean {
  return words.some((word, index) => (word === 'url' || word === 'urls') && (index === 0 || FETCH_VERBS.has(words[index - 1])));
}

export function check(signals: Signals): Finding | null {
  const acts = signals.actions.length > 0;
  const text = descriptionEvidence(signals, TEXT);
  const named = acts && (signals.nameWords.some((word) => URL_NAME.has(word)) || namesFetchedUrl(signals.nameWords));
  const param = signals.params.find((p) => !p.words.some((word) => STORED_URL_ROLES.has(word))
    && (p.words.some((word) => URL_PARAM.has(word)) || URL_DESCRIPTION.test(p.description)));
  // A request counts when its host can come from a parameter. One whose target could not be traced
  // counts when a URL parameter or a url variable is in play ("could not tell" is not "no"); a
  // constant base URL with a parameter in its path or query does not count.
  const code = codeCalls(signals, 'http').filter((call) => call.host === 'parameter'
    || (call.host === 'unknown' && (param !== undefined || /\b(url|uri|endpoint|href)\b/i.test(call.quote))));
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
