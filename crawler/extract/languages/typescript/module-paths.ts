import { posix } from 'node:path';
import type { ExtractContext } from '../../extractor.ts';
import type { SourceTree } from '../../../fetch/source-tree.ts';
import { workspaceImport } from './workspace.ts';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

interface PathAliases {
  baseDir: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
}

/** tsconfig lookups per repository and folder; a repository is read once however many files it has. */
const aliasCache = new WeakMap<SourceTree, Map<string, PathAliases | null>>();

/**
 * The repository path of the file an import specifier names: relative specifiers (`./x.js` is
 * `x.ts` on disk), packages of the same repository (monorepo workspaces) and tsconfig `paths`
 * aliases. Other package imports give null.
 */
export function resolveModulePath(context: ExtractContext, fromPath: string, specifier: string): string | null {
  const fromDir = posix.dirname(fromPath);
  if (specifier.startsWith('.')) return firstExisting(context, posix.normalize(posix.join(fromDir, specifier)));
  const workspace = workspaceImport(context.tree, specifier);
  if (workspace) {
    const target = workspace.subpath || workspace.pkg.main || 'index';
    return firstExisting(context, posix.normalize(posix.join(workspace.pkg.dir, target))) ?? firstExisting(context, posix.join(workspace.pkg.dir, 'src', 'index'));
  }
  const aliases = aliasesFor(context, fromDir);
  if (!aliases) return null;
  for (const alias of aliases.paths) {
    const matches = alias.wildcard
      ? specifier.startsWith(alias.prefix) && specifier.endsWith(alias.suffix)
      : specifier === alias.prefix;
    if (!matches) continue;
    const star = alias.wildcard ? specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length) : '';
    for (const target of alias.targets) {
      const found = firstExisting(context, posix.normalize(posix.join(aliases.baseDir, target.replace('*', star))));
      if (found) return found;
    }
  }
  return null;
}

function firstExisting(context: ExtractContext, base: string): string | null {
  if (base.startsWith('..') || base.startsWith('/')) return null;
  const clean = base === '.' ? '' : base;
  const stem = clean.replace(/\.(m|c)?jsx?$/, '');
  const candidates = [clean, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => posix.join(clean, `index${ext}`))];
  for (const candidate of candidates) {
    if (candidate && context.tree.size(candidate) !== null && /\.[cm]?[jt]sx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The `paths` of the nearest tsconfig.json (or jsconfig.json) above a folder. */
function aliasesFor(context: ExtractContext, dir: string): PathAliases | null {
  let cache = aliasCache.get(context.tree);
  if (!cache) {
    cache = new Map();
    aliasCache.set(context.tree, cache);
  }
  const known = cache.get(dir);
  if (known !== undefined) return known;
  let found: PathAliases | null = null;
  const config = ['tsconfig.json', 'jsconfig.json'].map((name) => posix.join(dir === '.' ? '' : dir, name)).find((p) => context.tree.size(p) !== null);
  if (config) found = readAliases(context, config, dir);
  else if (dir !== '.' && dir !== '') found = aliasesFor(context, posix.dirname(dir));
  cache.set(dir, found);
  return found;
}

function readAliases(context: ExtractContext, configPath: string, dir: string): PathAliases | null {
  const options = parseLooseJson(context.readText(configPath) ?? '')?.compilerOptions;
  if (!options || typeof options !== 'object') return null;
  const { baseUrl, paths } = options as { baseUrl?: unknown; paths?: unknown };
  const baseDir = posix.normalize(posix.join(dir === '.' ? '' : dir, typeof baseUrl === 'string' ? baseUrl : '.'));
  if (!paths || typeof paths !== 'object') return null;
  const entries = Object.entries(paths as Record<string, unknown>).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      wildcard: star >= 0,
      targets: Array.isArray(targets) ? targets.filter((t): t is string => typeof t === 'string') : [],
    };
  });
  return { baseDir: baseDir === '.' ? '' : baseDir, paths: entries };
}

/** tsconfig files allow comments and trailing commas; JSON.parse does not. */
function parseLooseJson(text: string): Record<string, unknown> | null {
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (_match, str: string | undefined) => str ?? '')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    const parsed: unknown = JSON.parse(stripped);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
