import { HINTS, type Extraction, type Tool } from '../../crawler/model/index.ts';
import type { Inventory, RecordedTool } from './inventory.ts';

/** Why a tool the server lists was not found by name, or why a found tool is not one it lists. */
export const MISS_CLASSES = [
  'no-tools-found',
  'dynamic-reported',
  'name-differs-by-prefix',
  'name-differs-by-separator',
  'name-differs',
  'found-in-different-server',
  'missed',
  'extra',
] as const;
export type MissClass = (typeof MISS_CLASSES)[number];

/** Differences in a tool found by its name. */
export const DIFFERENCE_CLASSES = ['description-differs', 'parameters-differ', 'annotations-differ'] as const;
export type DifferenceClass = (typeof DIFFERENCE_CLASSES)[number];

export interface Miss {
  package: string;
  class: MissClass | DifferenceClass;
  /** The name the server lists; for `extra`, the name the extractor reported. */
  tool: string;
  detail: string;
  /** Where the extractor's counterpart is, when there is one. */
  found?: string;
}

/** Counts a comparison adds up; figures are ratios of them. */
export interface Tally {
  packages: number;
  listed: number;
  extracted: number;
  matched: number;
  descriptionEqual: number;
  parametersEqual: number;
  annotationsEqual: number;
}

export interface Figures {
  packages: number;
  tools_listed: number;
  tools_extracted: number;
  tools_matched: number;
  name_recall: number | null;
  name_precision: number | null;
  description_equal: number | null;
  parameters_equal: number | null;
  annotations_equal: number | null;
}

export interface PackageComparison {
  tally: Tally;
  misses: Miss[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

export function figures(tally: Tally): Figures {
  return {
    packages: tally.packages,
    tools_listed: tally.listed,
    tools_extracted: tally.extracted,
    tools_matched: tally.matched,
    name_recall: ratio(tally.matched, tally.listed),
    name_precision: ratio(tally.matched, tally.extracted),
    description_equal: ratio(tally.descriptionEqual, tally.matched),
    parameters_equal: ratio(tally.parametersEqual, tally.matched),
    annotations_equal: ratio(tally.annotationsEqual, tally.matched),
  };
}

export function addTallies(tallies: Tally[]): Tally {
  const sum: Tally = { packages: 0, listed: 0, extracted: 0, matched: 0, descriptionEqual: 0, parametersEqual: 0, annotationsEqual: 0 };
  for (const tally of tallies) for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] += tally[key];
  return sum;
}

/** Whitespace collapsed and trimmed; no description and an empty one are the same. */
export function normalizeDescription(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A name without case and separators: `get-user`, `get_user` and `getUser` are the same. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s/]/g, '');
}

function parameterNames(schema: Record<string, unknown> | null): string[] {
  const properties = schema?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties).sort() : [];
}

/** The four hints as a client sees them; a hint the extractor says nobody set is absent. */
function listedHints(annotations: Record<string, unknown> | null): (unknown | undefined)[] {
  return HINTS.map((hint) => annotations?.[hint]);
}
function extractedHints(tool: Tool): (unknown | undefined)[] {
  return HINTS.map((hint) => (tool.annotationsOrigin[hint] === 'absent' ? undefined : tool.annotations?.[hint]));
}

function where(tool: Tool): string {
  return `${tool.file}:${tool.line}`;
}

/** Both texts around where they first differ, so a long description's difference can be seen. */
function differenceExcerpts(a: string, b: string): [string, string] {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const start = Math.max(0, at - 40);
  const cut = (text: string): string => `${start > 0 ? '…' : ''}${text.slice(start, at + 80)}${text.length > at + 80 ? '…' : ''}`;
  return [cut(a), cut(b)];
}

/**
 * Compares what a server lists with what the extractor found in the same package's files: 1:1 by
 * name within the server that holds most matches, then descriptions, parameter names and hints of
 * each matched tool. Every tool left over gets a class saying how it was missed.
 */
export function comparePackage(inventory: Inventory, extraction: Extraction): PackageComparison {
  const listed = inventory.tools;
  const found = extraction.tools;
  const misses: Miss[] = [];
  const miss = (cls: Miss['class'], tool: string, detail: string, counterpart?: Tool): void => {
    misses.push({ package: inventory.package, class: cls, tool, detail, ...(counterpart ? { found: where(counterpart) } : {}) });
  };
  const used = new Set<Tool>();
  const home = homeServer(listed, found);

  const matches: [RecordedTool, Tool][] = [];
  const unmatched: RecordedTool[] = [];
  for (const tool of listed) {
    const same = found.find((candidate) => !used.has(candidate) && candidate.server === home && candidate.name === tool.name);
    if (same) {
      used.add(same);
      matches.push([tool, same]);
    } else {
      unmatched.push(tool);
    }
  }

  for (const tool of unmatched) {
    const free = found.filter((candidate) => !used.has(candidate));
    const pair = (candidate: Tool | undefined): Tool | undefined => {
      if (candidate) used.add(candidate);
      return candidate;
    };
    if (found.length === 0) {
      if (extraction.dynamic.length > 0) miss('dynamic-reported', tool.name, `no tools found; dynamic: ${extraction.dynamic[0].reason}`);
      else miss('no-tools-found', tool.name, 'the extractor found no tools in the package');
      continue;
    }
    const elsewhere = pair(free.find((candidate) => candidate.name === tool.name));
    if (elsewhere) {
      miss('found-in-different-server', tool.name, `found in server ${elsewhere.server}, the others in ${home}`, elsewhere);
      continue;
    }
    const separator = pair(free.find((candidate) => looseName(candidate.name) === looseName(tool.name)));
    if (separator) {
      miss('name-differs-by-separator', tool.name, `found as ${separator.name}`, separator);
      continue;
    }
    const affixed = pair(free.find((candidate) => affixedName(tool.name, candidate.name)));
    if (affixed) {
      miss('name-differs-by-prefix', tool.name, `found as ${affixed.name}`, affixed);
      continue;
    }
    const description = normalizeDescription(tool.description);
    const described = pair(description === '' ? undefined : free.find((candidate) => normalizeDescription(candidate.description) === description));
    if (described) {
      miss('name-differs', tool.name, `found with the same description as ${described.nameResolved ? described.name : `unresolved ${described.nameExpr ?? described.name}`}`, described);
      continue;
    }
    if (extraction.dynamic.length > 0) miss('dynamic-reported', tool.name, `not found; dynamic: ${extraction.dynamic[0].reason}`);
    else miss('missed', tool.name, `not found among the ${found.length} tools the extractor reported`);
  }
  for (const tool of found) {
    if (!used.has(tool)) miss('extra', tool.name, tool.nameResolved ? 'reported, but the server does not list it' : `reported with an unresolved name (${tool.nameExpr ?? tool.name})`, tool);
  }

  const tally: Tally = { packages: 1, listed: listed.length, extracted: found.length, matched: matches.length, descriptionEqual: 0, parametersEqual: 0, annotationsEqual: 0 };
  for (const [tool, counterpart] of matches) {
    const want = normalizeDescription(tool.description);
    const got = normalizeDescription(counterpart.description);
    if (want === got) tally.descriptionEqual++;
    else {
      const [listedPart, foundPart] = differenceExcerpts(want, got);
      miss('description-differs', tool.name, `listed "${listedPart}", found "${foundPart}"`, counterpart);
    }
    const wantParameters = parameterNames(tool.inputSchema);
    const gotParameters = parameterNames(counterpart.inputSchema);
    if (wantParameters.join('\u0000') === gotParameters.join('\u0000')) tally.parametersEqual++;
    else miss('parameters-differ', tool.name, `listed [${wantParameters.join(', ')}], found ${counterpart.inputSchema ? `[${gotParameters.join(', ')}]` : 'no schema'}`, counterpart);
    const wantHints = listedHints(tool.annotations);
    const gotHints = extractedHints(counterpart);
    const differing = HINTS.flatMap((hint, index) => (wantHints[index] === gotHints[index] ? [] : [`${hint}: listed ${String(wantHints[index])}, found ${String(gotHints[index])}`]));
    if (differing.length === 0) tally.annotationsEqual++;
    else miss('annotations-differ', tool.name, differing.join('; '), counterpart);
  }
  return { tally, misses };
}

/** One name is the other with something added before or after (`API-` + operationId); short names never pair. */
function affixedName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && short !== long && (long.startsWith(short) || long.endsWith(short));
}

/** The extracted server that holds most of the listed names (ties: the package root, then by path). */
function homeServer(listed: RecordedTool[], found: Tool[]): string {
  const names = new Set(listed.map((tool) => tool.name));
  const counts = new Map<string, number>();
  for (const tool of found) counts.set(tool.server, (counts.get(tool.server) ?? 0) + (names.has(tool.name) ? 1 : 0));
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)));
  return ranked[0]?.[0] ?? '.';
}
