import { HINTS, type Hint, type HintOrigin } from '../model/tool.ts';
import { scanHandler, type CodeCall } from './code-calls.ts';
import type { ToolFacts } from './facts.ts';
import { QUERY_NOUNS, VALUE_NOUNS, verbEffect, type Effect } from './lexicon.ts';
import { MOVES_TO_TRASH, recoveryOf, type Recovery } from './recovery.ts';
import { collapse, firstSentence, splitName, textWords } from './words.ts';

/** One action the tool says it performs, and where it says so. */
export interface Action {
  verb: string;
  effect: Effect;
  source: 'name' | 'description';
}

export interface Param {
  name: string;
  words: string[];
  description: string;
}

export interface DeclaredHint {
  value: unknown;
  origin: HintOrigin;
}

/**
 * The raw facts every rule reads (scorecard's `checks/raw`). All the parsing happens here so that
 * each rule stays a short question over these fields.
 */
export interface Signals {
  name: string;
  nameWords: string[];
  /** Whole description, whitespace collapsed; '' when there is none. */
  description: string;
  /** First sentence with boilerplate openers ("This tool will", "**Purpose:**") removed. */
  lead: string;
  leadWords: string[];
  actions: Action[];
  /** Nouns of the name, or of the lead sentence when the name is only a verb. */
  objects: string[];
  /** The last noun of the name: what the tool returns or changes. */
  headObject: string | null;
  params: Param[];
  hints: Partial<Record<Hint, DeclaredHint>>;
  code: CodeCall[];
  /** The description says nothing is changed (dry run, preview). */
  dryRun: boolean;
  /** "remove X from Y": only a membership goes away. */
  membershipOnly: boolean;
  /** The only state touched is the current session or a simulation. */
  sessionOnly: boolean;
  /** What the description says about undoing a removal, negations included. */
  recovery: Recovery;
  /** The lead says the tool moves data to a trash or archive, where it can be restored from. */
  movesToTrash: boolean;
  /**
   * A context SPEC §5 rates high rather than critical, stated by the name or lead: page JavaScript,
   * a package install, a CI workflow or a container image. A program the handler starts for it is
   * how the context is reached, not a command the caller writes.
   */
  constrainedContext: ConstrainedContext | null;
}

export type ConstrainedContext = 'page JavaScript' | 'package install' | 'CI workflow' | 'container image';

const OPENERS = [
  /^\*\*[^*]{1,30}:\*\*\s*/,
  /^(this|the) tool (will|can|is used to|lets you|allows you to)\s+/i,
  /^(this|the) tool\s+/i,
  /^(use|call) this( tool)? to\s+/i,
  /^(a )?tool (to|that|for)\s+/i,
  /^(allows|lets) (you|the (user|model|agent)) to\s+/i,
  /^used to\s+/i,
];

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'from', 'by', 'with', 'and', 'or', 'as', 'at', 'into',
  'all', 'any', 'new', 'existing', 'specific', 'multiple', 'single', 'one', 'more', 'its', 'their', 'this',
  'that', 'via', 'id', 'ids', 'is', 'are', 'be', 'it', 'current', 'given', 'specified', 'detailed', 'full',
  'mcp', 'tool', 'tools', 'using', 'about', 'if', 'not', 'can', 'will', 'up', 'your', 'my',
]);

export function collectSignals(facts: ToolFacts): Signals {
  const { tool } = facts;
  // A name made of markup or template syntax says nothing; the description decides alone.
  const nameWords = isWordName(tool.name) ? splitName(tool.name) : [];
  const description = collapse(tool.description ?? '');
  const lead = stripOpeners(firstSentence(stripMarkup(description)));
  const leadWords = textWords(lead);
  const arithmetic = /\b(two|of|the) numbers\b|\bsum of\b/i.test(lead);
  const fromLead = leadActions(leadWords);
  const actions = dedupeActions([...nameActions(nameWords, fromLead), ...fromLead])
    .map((action) => (arithmetic && action.verb === 'add' ? { ...action, effect: 'compute' as const } : action))
    .map((action) => (buildsValue(action, nameWords, leadWords) ? { ...action, effect: 'compute' as const } : action));
  const nameObjects = nonActionWords(nameWords, actions, 'name');
  const leadObjects = nonActionWords(leadWords, actions, 'description');
  const objects = nameObjects.length > 0 ? nameObjects : leadObjects;
  const params = collectParams(tool.inputSchema);
  return {
    name: tool.name,
    nameWords,
    description,
    lead,
    leadWords,
    actions,
    objects,
    headObject: objects.length > 0 ? objects[objects.length - 1] : null,
    params,
    hints: collectHints(tool.annotations, tool.annotationsOrigin),
    code: scanHandler(facts.handlerCode, params.map((p) => p.name)),
    dryRun: isDryRun(nameWords, description),
    membershipOnly: isMembershipOnly(nameWords, lead),
    sessionOnly: isSessionOnly(actions, lead),
    recovery: recoveryOf(description),
    movesToTrash: MOVES_TO_TRASH.test(lead),
    constrainedContext: constrainedContext(nameWords, lead),
  };
}

/** MCP names are identifiers; one with markup, quotes or braces (`{{7*7}}`, `javascript:alert(1)`) is not. */
function isWordName(name: string): boolean {
  return /^[A-Za-z0-9_.:\-/ ]+$/.test(name) && /[A-Za-z]{2}/.test(name);
}

/** Tags and entities dropped, so `<a href="…">Pick</a> a number` reads "Pick a number". */
function stripMarkup(text: string): string {
  return collapse(text.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/gi, ' '));
}

/**
 * "Build the URL of a dashboard", "format_string": composing a value that is returned computes;
 * nothing is stored or sent.
 */
const COMPOSE_VERBS = new Set(['build', 'compose', 'construct', 'assemble', 'format']);

function buildsValue(action: Action, nameWords: string[], leadWords: string[]): boolean {
  if (!COMPOSE_VERBS.has(action.verb)) return false;
  const words = action.source === 'name' ? nameWords : leadWords;
  const at = words.findIndex((word) => word === action.verb || verbEffect(word, 'text')?.verb === action.verb);
  if (at < 0) return false;
  const after = words.slice(at + 1).filter((word) => !STOPWORDS.has(word));
  return after.length > 0 && VALUE_NOUNS.has(after[0]);
}

const CONTEXTS: [ConstrainedContext, RegExp][] = [
  ['page JavaScript', /\b(in|on|of|into) (the )?(context of )?(the |a )?(current |active |open |loaded )?(web ?page|page|browser tab|tab|dom)\b/i],
  ['package install', /\binstall(s|ing)? (a |an |the |one or more )?(\w+ )?(packages?|library|libraries|dependenc(y|ies)|modules?)\b/i],
  ['CI workflow', /\b(ci|ci\/cd|workflows?|pipelines?|github actions?|build jobs?)\b/i],
  ['container image', /\b(docker|container) images?\b|\bfrom (a |an |the )?(docker |container )?image\b/i],
];

function constrainedContext(nameWords: string[], lead: string): ConstrainedContext | null {
  const text = `${nameWords.join(' ')} ${lead}`;
  if (/\b(browser|page|tab)\b/.test(nameWords.join(' ')) && /\b(javascript|js|script|evaluate|eval)\b/i.test(text)) return 'page JavaScript';
  for (const [context, pattern] of CONTEXTS) if (pattern.test(text)) return context;
  return null;
}

function stripOpeners(sentence: string): string {
  let text = sentence;
  for (const opener of OPENERS) text = text.replace(opener, '');
  return text;
}

/**
 * Verbs in a name: the first verb word (names lead with a verb, or with a namespace like "git_"),
 * plus any verb joined by "and"/"then". Words that are nouns as often as verbs ("message",
 * "text") count only in first position.
 */
function nameActions(words: string[], fromLead: Action[]): Action[] {
  // "refund_eligibility" described as "Check whether...": the verb only qualifies a noun.
  const head = words[words.length - 1];
  const leadReads = fromLead.length > 0 && (fromLead[0].effect === 'read' || fromLead[0].effect === 'compute');
  if (QUERY_NOUNS.has(head) && leadReads) return [];
  const actions: Action[] = [];
  for (const [index, word] of words.entries()) {
    const joined = index > 0 && ['and', 'then'].includes(words[index - 1]);
    if (actions.length > 0 && !joined) continue;
    const hit = verbEffect(word, index === 0 ? 'name' : 'text');
    if (hit) actions.push({ verb: hit.verb, effect: hit.effect, source: 'name' });
  }
  return actions;
}

/** The words left once the action verbs are taken out: what the tool acts on. */
function nonActionWords(words: string[], actions: Action[], source: Action['source']): string[] {
  const verbs = new Set(actions.filter((action) => action.source === source).map((action) => action.verb));
  return words.filter((word) => !STOPWORDS.has(word) && !verbs.has(verbEffect(word, source === 'name' ? 'name' : 'text')?.verb ?? ''));
}

/**
 * The opening verb of the lead sentence and verbs coordinated with it ("Download and import",
 * "Move or rename"). An "-s" form after a noun is read as a plural noun: "branches or commits".
 */
function leadActions(words: string[]): Action[] {
  const actions: Action[] = [];
  // "Permanently remove…", "Recursively delete…": an opening adverb leaves the verb second.
  const opener = words.length > 1 && words[0].endsWith('ly') && !verbEffect(words[0], 'name') ? 1 : 0;
  for (const [index, word] of words.entries()) {
    const joined = index > opener && ['and', 'or', 'then', 'to'].includes(words[index - 1]);
    if (index !== opener && !joined) continue;
    // A sentence opens with an imperative, so "Post a comment" or "Type text" are verbs there.
    const hit = verbEffect(word, index === opener ? 'name' : 'text');
    if (!hit) continue;
    const afterNoun = index > opener + 1 && !verbEffect(words[index - 2], 'text');
    if (index > opener && !hit.base && afterNoun) continue;
    actions.push({ verb: hit.verb, effect: hit.effect, source: 'description' });
  }
  return actions;
}

function dedupeActions(actions: Action[]): Action[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = `${action.source}:${action.verb}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collectParams(schema: Record<string, unknown> | null): Param[] {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, unknown>)
    .map(([name, value]) => {
      const description = value && typeof value === 'object' && typeof (value as { description?: unknown }).description === 'string'
        ? collapse((value as { description: string }).description)
        : '';
      return { name, words: splitName(name), description };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function collectHints(annotations: Record<string, unknown> | null, origins: Record<string, HintOrigin>): Partial<Record<Hint, DeclaredHint>> {
  const hints: Partial<Record<Hint, DeclaredHint>> = {};
  for (const hint of HINTS) {
    const value = annotations?.[hint];
    if (value === undefined) continue;
    hints[hint] = { value, origin: origins[hint] ?? 'explicit' };
  }
  return hints;
}

function isDryRun(nameWords: string[], description: string): boolean {
  if (nameWords.includes('preview') || nameWords.includes('dry')) return true;
  return /\b(dry[- ]run only|only previews?|preview (of )?(what|which)|without (actually )?(deleting|removing|changing|modifying|writing)|nothing is (deleted|removed|changed|written)|would be (deleted|removed|changed))\b/i.test(description);
}

function isMembershipOnly(nameWords: string[], lead: string): boolean {
  const verbAt = nameWords.findIndex((word) => verbEffect(word, 'name')?.effect === 'delete');
  if (verbAt >= 0 && nameWords.slice(verbAt + 1).includes('from')) return true;
  return /\b(remove|unlink|detach)s? (a|an|the)? ?\w+ from (a|an|the) (segment|group|list|team|channel|audience|playlist|cart|collection|folder|label|tag)s?\b/i.test(lead);
}

function isSessionOnly(actions: Action[], lead: string): boolean {
  if (/\b(simulated|in this session|for this session|the current session|currently connected|the current (\w+ )?(connection|endpoint|session|tab))\b/i.test(lead)) return true;
  const mutating = actions.filter((action) => action.effect !== 'read' && action.effect !== 'compute');
  return mutating.length > 0 && mutating.every((action) => action.effect === 'session');
}
