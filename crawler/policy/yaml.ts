/**
 * A reader for the YAML subset our Intercept emitter writes, so that tests and the evaluator read
 * the very text a user copies: block mappings and sequences by indentation, `- key: value` items,
 * double-quoted (JSON-escaped) and plain scalars, numbers, booleans, `[]`/`{}` and JSON-style flow
 * lists, and whole-line comments. Anything else (anchors, block scalars, tabs, trailing comments)
 * is refused, never guessed.
 */
interface Line {
  indent: number;
  text: string;
  number: number;
}

export class YamlSubsetError extends Error {}

export function readYaml(text: string): unknown {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.includes('\t')) throw new YamlSubsetError(`line ${index + 1}: tabs are not supported`);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    lines.push({ indent: raw.length - raw.trimStart().length, text: raw.trimEnd().trimStart(), number: index + 1 });
  });
  if (lines.length === 0) return null;
  const reader = new Reader(lines);
  const value = reader.node(lines[0].indent);
  if (!reader.done()) throw new YamlSubsetError(`line ${reader.current().number}: unexpected indentation`);
  return value;
}

const KEY = /^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_][A-Za-z0-9_.*\/-]*|\*):(?: (.*)|$)/;

class Reader {
  private position = 0;

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.position >= this.lines.length;
  }

  current(): Line {
    return this.lines[this.position];
  }

  node(indent: number): unknown {
    const line = this.current();
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    while (!this.done() && this.current().indent === indent && !this.isItem(this.current())) {
      const line = this.current();
      const match = KEY.exec(line.text);
      if (!match) throw new YamlSubsetError(`line ${line.number}: expected "key: value"`);
      const key = match[1].startsWith('"') ? JSON.parse(match[1]) as string : match[1];
      if (Object.hasOwn(result, key)) throw new YamlSubsetError(`line ${line.number}: duplicate key ${key}`);
      this.position += 1;
      result[key] = this.value(match[2], indent, line);
    }
    return result;
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    while (!this.done() && this.current().indent === indent && this.isItem(this.current())) {
      const line = this.current();
      const rest = line.text === '-' ? '' : line.text.slice(2);
      if (KEY.test(rest)) {
        // "- key: value" opens a mapping whose keys sit two columns further in.
        this.lines[this.position] = { indent: indent + 2, text: rest, number: line.number };
        result.push(this.mapping(indent + 2));
        continue;
      }
      this.position += 1;
      result.push(this.value(rest === '' ? undefined : rest, indent, line));
    }
    return result;
  }

  private value(inline: string | undefined, indent: number, line: Line): unknown {
    if (inline !== undefined && inline.trim() !== '') return scalar(inline.trim(), line.number);
    if (this.done() || this.current().indent <= indent) return null;
    return this.node(this.current().indent);
  }

  private isItem(line: Line): boolean {
    return line.text === '-' || line.text.startsWith('- ');
  }
}

function scalar(text: string, lineNumber: number): unknown {
  if (text.startsWith('"')) return json(text, lineNumber);
  if (text.startsWith('[') || text === '{}') return json(text, lineNumber);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^[A-Za-z0-9_][A-Za-z0-9_ .\/-]*$/.test(text)) return text;
  throw new YamlSubsetError(`line ${lineNumber}: unsupported scalar ${text}`);
}

function json(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new YamlSubsetError(`line ${lineNumber}: unsupported quoted or flow value ${text}`);
  }
}
