import type { Grammar } from './parser.ts';

/** Folders whose code is not the server's own: dependencies, build output, tests, fixtures. */
const SKIPPED_DIRS = new Set([
  'node_modules', 'vendor', 'vendored', 'third_party', 'dist', 'build', 'out', 'target', 'bin', 'obj',
  '.venv', 'venv', 'env', 'site-packages', '__pycache__', '.next', '.nuxt', '.output', 'coverage',
  'test', 'tests', '__tests__', '__mocks__', 'testing', 'testdata', 'fixtures', 'e2e', 'spec', 'specs',
]);

/** File names of tests in each language. */
const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$)|(_test\.go$)|(^test_[^/]*\.py$)|(_test\.py$)|(Tests?\.(java|kt|cs)$)|(\.d\.ts$)/;

/** Folders named for specifications: tests in code, but where OpenAPI documents live too. */
const SPEC_DIRS = new Set(['spec', 'specs']);
const DATA_FILE = /\.(json|ya?ml)$/i;

/** True when a path is test, vendored or build output, which extraction skips. */
export function isSkippedPath(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const skippedDir = (dir: string): boolean => SKIPPED_DIRS.has(dir) && !(SPEC_DIRS.has(dir) && DATA_FILE.test(name));
  if (parts.slice(0, -1).some((dir) => skippedDir(dir.toLowerCase()))) return true;
  // Maven and Gradle test source sets: src/test/, src/jvmTest/, src/commonTest/, src/integrationTest/...
  if (/(^|\/)src\/[A-Za-z]*[Tt]est\//.test(path)) return true;
  if (/\.min\.js$/.test(name)) return true;
  return TEST_FILE.test(name);
}

const GRAMMAR_BY_EXTENSION: Record<string, Grammar> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  py: 'python', go: 'go', rs: 'rust', java: 'java', cs: 'csharp', kt: 'kotlin', kts: 'kotlin',
};

/** The grammar that parses a source file, or null for files we do not parse. */
export function grammarOf(path: string): Grammar | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  return GRAMMAR_BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? null;
}

/** Largest file we parse; larger ones get a warning (generated bundles, data). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
