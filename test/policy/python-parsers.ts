import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Parsers written apart from ours, in one persistent python3 child speaking JSON lines: libyaml
 * through PyYAML's C loader (the C library Go's yaml.v3, and so Intercept, was ported from),
 * tomllib (TOML 1.0, standard library) and json. The text goes over as UTF-8 bytes, as a gateway
 * reads it from the file a user pasted it into.
 */
export type ParserKind = 'yaml' | 'toml' | 'json';
export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export interface PythonParsers {
  parse(kind: ParserKind, text: string): Promise<Parsed>;
  close(): void;
}

const CHECK = 'import tomllib, yaml; yaml.CSafeLoader';

const SCRIPT = `
import base64, json, sys, tomllib, yaml
for line in sys.stdin:
    request = json.loads(line)
    data = base64.b64decode(request["text"])
    try:
        if request["kind"] == "yaml":
            value = yaml.load(data, Loader=yaml.CSafeLoader)
        elif request["kind"] == "toml":
            value = tomllib.loads(data.decode("utf-8"))
        else:
            value = json.loads(data)
        reply = {"id": request["id"], "ok": True, "value": value}
    except Exception as error:
        reply = {"id": request["id"], "ok": False, "error": type(error).__name__ + ": " + str(error)}
    sys.stdout.write(json.dumps(reply, default=str) + "\\n")
    sys.stdout.flush()
`;

/** Debian's python3 first, then whatever python3 is on PATH; the first with libyaml and tomllib. */
export function findPython(): string {
  const candidates = ['/usr/bin/python3', 'python3'];
  for (const candidate of candidates) {
    const result = spawnSync(candidate, ['-c', CHECK], { stdio: 'ignore' });
    if (result.status === 0) return candidate;
  }
  throw new Error(
    `the policy parser tests need python3 with PyYAML's libyaml loader (yaml.CSafeLoader) and tomllib (Python 3.11+); `
    + `tried ${candidates.join(', ')}. On Debian: apt-get install python3-yaml (.ci/run does this).`,
  );
}

export function startPythonParsers(): PythonParsers {
  const child: ChildProcessWithoutNullStreams = spawn(findPython(), ['-u', '-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pending = new Map<number, (parsed: Parsed) => void>();
  let stderr = '';
  let nextId = 0;
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as { id: number; ok: boolean; value?: unknown; error?: string };
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    resolve?.(reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error ?? 'unknown error' });
  });
  child.on('exit', (code) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: `python3 exited (${code}): ${stderr}` });
    pending.clear();
  });
  return {
    parse(kind, text) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.stdin.write(`${JSON.stringify({ id, kind, text: Buffer.from(text, 'utf8').toString('base64') })}\n`);
      });
    },
    close() {
      child.stdin.end();
    },
  };
}
