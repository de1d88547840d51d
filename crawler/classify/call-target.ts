/**
 * What a call in a handler is aimed at, read from its first argument: whether an HTTP request's
 * host can come from a parameter, and whether a process call runs a fixed program. A parameter that
 * fills the path or query of a constant base URL does not choose the host.
 */
export type HostSource = 'constant' | 'parameter' | 'unknown';

const METHOD = /^["'](GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)["']$/i;
/** Names that hold a configured base address (`baseUrl`, `self.api_root`, `API_BASE`). */
const BASE_WORDS = /(^|_|[a-z])(base|Base|BASE|api|Api|API|root|Root|ROOT|origin|Origin|ORIGIN)([A-Z_]|$)/;

/** The arguments of the call whose opening parenthesis is at `open`, split at depth 0 (at most four). */
export function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length && args.length < 4; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      i = closingQuote(text, i);
      continue;
    }
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) {
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        break;
      }
      depth--;
    } else if (char === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args.filter((arg) => arg.length > 0);
}

function closingQuote(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** Where the host of the request made with these arguments comes from. */
export function hostSource(args: string[], params: readonly string[], handler: string): HostSource {
  const url = args.find((arg) => !METHOD.test(arg));
  return url ? expressionHost(url, params, handler, 0) : 'unknown';
}

function expressionHost(expression: string, params: readonly string[], handler: string, depth: number): HostSource {
  const text = expression.trim().replace(/^(url|uri|href)\s*[=:]\s*/i, '');
  const literal = /^[rfbu]{0,2}(["'`])([\s\S]*)$/i.exec(text);
  if (literal) {
    const body = literal[2];
    const host = /^https?:\/\/(.*)$/i.exec(body);
    if (host) return /^(\$\{|\{)/.test(host[1]) ? identifierHost(leadingIdentifier(host[1].replace(/^\$?\{\s*/, '')), params, handler, depth) : 'constant';
    if (body.startsWith('/')) return 'constant';
    const placeholder = /^(\$\{|\{)\s*/.exec(body);
    return placeholder ? identifierHost(leadingIdentifier(body.slice(placeholder[0].length)), params, handler, depth) : 'unknown';
  }
  const identifier = leadingIdentifier(text);
  if (!identifier || /^\s*\(/.test(text.slice(identifier.length))) return 'unknown';
  return identifierHost(identifier, params, handler, depth);
}

function leadingIdentifier(text: string): string {
  return /^[A-Za-z_$][\w.$]*/.exec(text)?.[0] ?? '';
}

function identifierHost(identifier: string, params: readonly string[], handler: string, depth: number): HostSource {
  const last = identifier.split('.').pop() ?? '';
  if (!last) return 'unknown';
  if (params.includes(last)) return 'parameter';
  if (/^[A-Z][A-Z0-9_]*$/.test(last) || BASE_WORDS.test(last)) return 'constant';
  if (depth > 0) return 'unknown';
  // A local variable: follow its assignment once (`const url = \`${BASE}/x/${id}\``).
  const assignment = new RegExp(String.raw`(^|[^\w.])${escape(last)}\s*(:[^=\n]+)?=(?!=)\s*([^\n]+)`).exec(handler);
  return assignment ? expressionHost(assignment[3], params, handler, depth + 1) : 'unknown';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A process call that runs a fixed program with arguments (`[sys.executable, "-m", "pip", ...]`,
 * `execFile("git", [...])`), not a command line the caller writes or a shell that parses one.
 */
export function runsFixedProgram(args: string[]): boolean {
  const [first] = args;
  if (!first || args.some((arg) => /\bshell\s*=\s*True\b|\bshell:\s*true\b/.test(arg))) return false;
  const program = first.startsWith('[') ? first.slice(1).trim() : first;
  if (/^["'](ba|z|c|k|da)?sh["']|^["'](cmd(\.exe)?|powershell|pwsh)["']/i.test(program)) return false;
  return /^["'][\w./-]+["']|^sys\.executable\b|^[A-Z][A-Z0-9_]*\b/.test(program);
}
