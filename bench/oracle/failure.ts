import type { FailureClass } from './inventory.ts';

/** How a server's session ended when no tool list came back. */
export interface SessionEnd {
  exitCode: number | null;
  signal: string | null;
  /** Killed by us at the time limit. */
  timedOut: boolean;
  /** What the server wrote to stderr, and to stdout that was not JSON-RPC. */
  output: string;
  /** The client's error: a JSON-RPC error, "Connection closed", a spawn error. */
  error: string | null;
}

/** A platform it cannot run on, or a program or binary it expected to find installed. */
const NATIVE = /Cannot find module '[^']*\.node'|\.node: (cannot open shared object|invalid ELF)|was compiled against a different Node|ENOEXEC|exec format error|cannot execute binary|EBADPLATFORM|unsupported (platform|architecture|operating system|os)\b|not supported on (linux|this platform)|only (runs|works|supported|available) on (macos|darwin|windows)|requires macos|\bxcrun\b|\bxcodebuild\b|(binary|executable) (was )?(not found|is missing|missing)|could not (find|locate) (the )?[\w .-]*binary|spawn \S+ ENOENT|command not found|requires Node(\.js)? (v?\d+|version)|The requested module 'node:[^']+' does not provide an export|No such built-in module: node:/i;
const CREDENTIAL_WORD = /api[ _-]?key|access[ _-]?key|token|credential|secret|password|client[ _-]?id|auth|login|log in|sign in/i;
const DEMAND = /required|must (be )?(set|provided|specified|configured)|missing|not (set|found|provided|configured|defined)|is needed|needed|please (set|provide|configure)|no [\w -]*(found|provided|set|configured)|invalid|unauthori[sz]ed|\b40[13]\b/i;
const HTTP = /listening (on|at)|server (is )?(running|started|listening) (on|at) https?:|https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::\]):\d+|EADDRNOTAVAIL|streamable[ -]http (server|transport) (is )?(running|listening|started)|sse (server|endpoint) (running|listening|started)/i;
const STDIO = /(running|listening|started|connected) (on|via|over|to) stdio|stdio transport/i;
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|fetch failed|getaddrinfo|network is unreachable/i;

/** Environment variable names: upper case with at least one underscore (`API_KEY`, not `ERROR`). */
const ENV_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** Upper-case words that are codes, not settings. */
const NOT_SETTINGS = /^(ERR_|NODE_|NPM_|MODULE_NOT_FOUND$|METHOD_NOT_FOUND$|INVALID_(PARAMS|REQUEST)$|INTERNAL_ERROR$|PARSE_ERROR$|CONNECTION_CLOSED$|REQUEST_TIMEOUT$|UNHANDLED_)/;
/** A line that talks about settings: where a mentioned name is likely one the server reads. */
const SETTINGS_LINE = /env|variable|required|missing|must|set|provide|config|key|token|secret|credential|not found|undefined|invalid/i;

/** Most placeholder names one retry adds, and most retries: a server listing names forever stops here. */
export const MAX_NAMES_PER_RETRY = 8;
export const MAX_PLACEHOLDER_RETRIES = 3;

/**
 * Names of settings an error message asks for that are not set yet, in the order they appear: the
 * recorder sets placeholders for them and starts the server again.
 */
export function settingsAskedFor(text: string, alreadySet: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    if (!SETTINGS_LINE.test(line)) continue;
    for (const match of line.matchAll(ENV_NAME)) {
      const name = match[0];
      if (NOT_SETTINGS.test(name) || alreadySet.has(name) || names.includes(name)) continue;
      names.push(name);
    }
  }
  return names.slice(0, MAX_NAMES_PER_RETRY);
}

/**
 * A placeholder value shaped like what the name suggests, so format checks pass and any use of it
 * fails without reaching anyone (addresses point at a closed local port; the network is cut anyway).
 */
export function placeholderValue(name: string, home: string): string {
  if (/(URL|URI|ENDPOINT|BASE_PATH|SERVER_ADDRESS)$/.test(name) || /_URL_/.test(name)) return 'http://127.0.0.1:9/';
  if (/HOST(NAME)?$/.test(name)) return '127.0.0.1';
  if (/PORT$/.test(name)) return '9';
  if (/EMAIL/.test(name)) return 'oracle@example.invalid';
  if (/(PATH|DIR|DIRECTORY|FOLDER|ROOT|FILE)$/.test(name)) return home;
  return 'oracle-placeholder';
}

/** Why no tool list came back, from how the session ended. Checked from the most specific cause. */
export function classifyFailure(end: SessionEnd): { class: FailureClass; reason: string } {
  const text = `${end.output}\n${end.error ?? ''}`;
  const native = NATIVE.exec(text);
  if (native) return { class: 'native-binary', reason: `needs a platform or program it cannot have here: "${lineOf(text, native.index)}"` };
  const credential = credentialLine(text);
  if (credential && !end.timedOut) return { class: 'needs-credentials', reason: `asks for real settings: "${credential}"` };
  const http = HTTP.exec(text);
  if (http && !STDIO.test(text)) return { class: 'http-only', reason: `serves HTTP, not stdio: "${lineOf(text, http.index)}"` };
  const network = NETWORK.exec(text);
  if (network) {
    const line = lineOf(text, network.index);
    // A refused local address is a service it expects beside it (a database), not the internet.
    const local = /ECONNREFUSED (127\.0\.0\.1|::1|localhost)/.test(line);
    return { class: 'needs-network', reason: `${local ? 'needs a service it could not reach (a database, a daemon)' : 'reached for the network, which the sandbox cuts'}: "${line}"` };
  }
  if (end.timedOut) {
    if (credential) return { class: 'needs-credentials', reason: `no answer before the time limit, after asking for settings: "${credential}"` };
    return { class: 'timeout', reason: 'no tool list before the time limit' };
  }
  if (end.error && /-32601|method not found/i.test(end.error)) return { class: 'protocol-error', reason: `tools/list refused: ${end.error}` };
  if (end.error && !/connection closed/i.test(end.error) && end.exitCode === null && end.signal === null) {
    return { class: 'protocol-error', reason: end.error };
  }
  const how = end.signal ? `killed by ${end.signal}` : end.exitCode === null ? 'closed its output' : `exited with code ${end.exitCode}`;
  if (end.exitCode === 0 && /^\[stdout\] /m.test(end.output)) {
    return { class: 'exited', reason: `${how} after writing text to stdout instead of answering (usage? it may want a subcommand or argument): "${end.output.split('\n').find((line) => line.startsWith('[stdout] '))?.slice(9, 200)}"` };
  }
  const telling = tellingLine(end.output);
  return { class: 'exited', reason: telling ? `${how}: "${telling}"` : how };
}

/** Lines of a Node or Python stack trace and its decorations, which say where and not why. */
const TRACE = /^\s*(at |File "|Node\.js v|\^+$|[{}\]]|\w+: ['"[\d{]|Traceback)/;
const SAYS_WHY = /error|cannot|can't|could not|failed|missing|required|please|invalid|not found|unable|usage/i;

const ERROR_LINE = /^(\[stdout\] )?((error|fatal|panic|exception)\b|\w*(Error|Exception):)/i;

/**
 * The line that best says why a process ended: the first error line (usage text may follow it),
 * else the last line saying why, never a stack frame.
 */
function tellingLine(output: string): string | null {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !TRACE.test(line));
  return (lines.find((line) => ERROR_LINE.test(line)) ?? [...lines].reverse().find((line) => SAYS_WHY.test(line)) ?? lines.at(-1))?.slice(0, 200) ?? null;
}

/** The first line that asks for a credential or a named setting. */
function credentialLine(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!DEMAND.test(line)) continue;
    const names = [...line.matchAll(ENV_NAME)].map((m) => m[0]).filter((name) => !NOT_SETTINGS.test(name));
    if (CREDENTIAL_WORD.test(line) || (names.length > 0 && /env|variable/i.test(line))) return line.trim().slice(0, 200);
  }
  return null;
}

function lineOf(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 200);
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * The last lines of a server's output for the record: colours stripped, the sandbox's temporary
 * paths masked (so re-recordings diff cleanly), long lines cut.
 */
export function outputTail(text: string, masks: Record<string, string>, lines = 12): string[] {
  let clean = text.replace(ANSI, '');
  for (const [path, label] of Object.entries(masks).sort(([a], [b]) => b.length - a.length)) clean = clean.split(path).join(label);
  return clean
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-lines)
    .map((line) => (line.length > 300 ? `${line.slice(0, 299)}…` : line));
}
