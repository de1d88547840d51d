import type { Classification } from '../../model/classification.ts';
import type { Tool } from '../../model/tool.ts';
import { splitName } from '../words.ts';

/** The three capabilities whose combination lets injected text exfiltrate data (Willison's "lethal trifecta"). */
export type Leg = 'privateData' | 'untrustedContent' | 'externalCommunication';
export const LEGS: readonly Leg[] = ['privateData', 'untrustedContent', 'externalCommunication'];

/** Rules whose tool can do all three by itself: a shell or interpreter reads files, fetches pages and sends requests. */
const GENERAL_PURPOSE = new Set(['runsShellCommand', 'executesCode']);

/** Rules that bring pages from hosts anyone can publish on into the conversation. */
const FETCHES_WEB = new Set(['fetchesArbitraryUrl', 'drivesBrowser', 'submitsInBrowser']);

/** Rules that carry data to a place the caller chooses or to other people. */
const SENDS_OUT = new Set(['sendsMessages', 'fetchesArbitraryUrl', 'drivesBrowser', 'submitsInBrowser', 'forwardsEventsToUrl']);

/** Tags that, on a tool that reads, mean the data read is private. */
const PRIVATE_TAGS = new Set(['private-data', 'secrets', 'filesystem', 'database', 'messaging', 'payments']);

/** Name words for content written by other people: mail, chats, issues and reviews, posts, web results. */
const THIRD_PARTY_WORDS = new Set([
  'email', 'emails', 'mail', 'inbox', 'message', 'messages', 'chat', 'chats', 'dm', 'dms', 'thread', 'threads',
  'issue', 'issues', 'comment', 'comments', 'pull', 'pr', 'prs', 'review', 'reviews', 'ticket', 'tickets',
  'discussion', 'discussions', 'post', 'posts', 'tweet', 'tweets', 'feed', 'rss', 'news', 'web', 'webpage',
  'scrape', 'crawl', 'notification', 'notifications', 'mentions',
]);

/** Name words for places others can read, so that writing there publishes: issues, comments, PRs, gists. */
const PUBLIC_PLACE_WORDS = new Set([
  'issue', 'issues', 'comment', 'comments', 'pull', 'pr', 'gist', 'gists', 'discussion', 'review', 'post',
  'tweet', 'release', 'wiki',
]);

const READS = new Set(['read', 'network', 'unknown']);
const WRITES = new Set(['write', 'communicate']);

export interface LegReason {
  leg: Leg;
  why: string;
}

/** Which legs one tool provides, and why, from its classification and name alone. */
export function legsOf(tool: Tool, classification: Classification): LegReason[] {
  const rules = new Set(classification.rules);
  const tags = new Set<string>(classification.tags);
  const words = new Set(splitName(tool.name));
  const reasons: LegReason[] = [];
  const general = [...GENERAL_PURPOSE].find((rule) => rules.has(rule));
  if (general) {
    for (const leg of LEGS) reasons.push({ leg, why: `${general}: arbitrary commands or code can read files, fetch content and send requests` });
    return reasons;
  }

  const reads = READS.has(classification.category);
  const privateTag = [...PRIVATE_TAGS].find((tag) => tags.has(tag));
  if (rules.has('readsPrivateData')) reasons.push({ leg: 'privateData', why: 'readsPrivateData' });
  else if (rules.has('runsSqlQuery')) reasons.push({ leg: 'privateData', why: 'runsSqlQuery: database rows' });
  else if (reads && privateTag) reasons.push({ leg: 'privateData', why: `reads, tagged ${privateTag}` });

  const fetches = [...FETCHES_WEB].find((rule) => rules.has(rule));
  const thirdParty = [...words].filter((word) => THIRD_PARTY_WORDS.has(word)).sort()[0];
  if (fetches) reasons.push({ leg: 'untrustedContent', why: `${fetches}: pages anyone can publish` });
  else if (reads && thirdParty) reasons.push({ leg: 'untrustedContent', why: `reads "${thirdParty}", written by other people` });
  else if (reads && tags.has('messaging')) reasons.push({ leg: 'untrustedContent', why: 'reads messages, written by other people' });
  else if (reads && declaresOpenWorld(tool)) reasons.push({ leg: 'untrustedContent', why: 'reads, and declares openWorldHint: true' });

  const sends = [...SENDS_OUT].find((rule) => rules.has(rule));
  const publicPlace = [...words].filter((word) => PUBLIC_PLACE_WORDS.has(word)).sort()[0];
  if (sends) reasons.push({ leg: 'externalCommunication', why: sends });
  else if (classification.category === 'communicate') reasons.push({ leg: 'externalCommunication', why: 'communicates with people' });
  else if (WRITES.has(classification.category) && publicPlace) reasons.push({ leg: 'externalCommunication', why: `writes a "${publicPlace}", which others can read` });
  return reasons;
}

/** Only a hint the author wrote counts: the spec's default (open world) says nothing about this tool. */
function declaresOpenWorld(tool: Tool): boolean {
  return tool.annotations?.openWorldHint === true && tool.annotationsOrigin.openWorldHint === 'explicit';
}
