import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonText, visible } from '../../crawler/cli/terminal-text.ts';
import { emptySummary, formatSummaryMarkdown, formatSummaryText } from '../../crawler/pipeline/crawl-summary.ts';
import { cli, ROOT } from './run-cli.ts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'ts-terminal-escapes');

/** The hostile names the fixture declares (src/index.ts), as the extractor reads them. */
const HOSTILE_NAMES = [
  'copy_note\u001b]52;c;ZXZpbA==\u0007',
  'list_notes\u009b2J',
  '\u202eelif_eteled',
  'read\u007f_log\rsafe_tool\u200d',
];

/**
 * What a terminal must never receive raw from crawled text: C0 controls but the line feeds of our own
 * output, DEL, C1 (U+009B is an 8-bit CSI), bidi embeddings, overrides and isolates, zero-width
 * characters and the byte-order mark.
 */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

function rawControls(text: string): string[] {
  return [...text].filter((char) => RAW_CONTROL.test(char)).map((char) => `U+${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

describe('crawled text printed to a terminal', () => {
  it('extract shows hostile tool names with their escapes visible, and sends no raw control character', async () => {
    const run = await cli(['extract', FIXTURE]);
    expect(run.code, run.stderr).toBe(0);
    expect(rawControls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain('copy_note\\x1b]52;c;ZXZpbA==\\x07');
    expect(run.stdout).toContain('list_notes\\x9b2J');
    expect(run.stdout).toContain('\\u{202e}elif_eteled');
    expect(run.stdout).toContain('read\\x7f_log\\rsafe_tool\\u{200d}');
    expect(run.stdout).toContain('4 tools in 1 servers');
  });

  it('classify shows the same names escaped, with their risk, and sends no raw control character', async () => {
    const run = await cli(['classify', FIXTURE]);
    expect(run.code, run.stderr).toBe(0);
    expect(rawControls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/HIGH\s+delete\s+\\u\{202e\}elif_eteled/);
    expect(run.stdout).toContain('Lists notes \\x9b31mred');
  });

  it('--json stays valid JSON with the exact names, and escapes C1, DEL and bidi characters too', async () => {
    for (const command of ['extract', 'classify']) {
      const run = await cli([command, FIXTURE, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(rawControls(run.stdout.replace(/\n/g, ''))).toEqual([]);
      const parsed = JSON.parse(run.stdout) as { tools?: { name: string }[]; servers: { tools?: { name: string }[] }[] };
      const names = (parsed.tools ?? parsed.servers.flatMap((s) => s.tools ?? [])).map((t) => t.name).sort();
      expect(names).toEqual([...HOSTILE_NAMES].sort());
    }
  });
});

describe('the terminal text function', () => {
  it('leaves no raw control, format or bidi character in any code point up to U+FFFF, and keeps plain text as it is', () => {
    let every = '';
    for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) every += String.fromCodePoint(code);
    expect(rawControls(visible(every))).toEqual([]);
    expect(visible('read_file — lit «ça» 東京 🙂')).toBe('read_file — lit «ça» 東京 🙂');
    expect(visible('\u{e0041}lone\ud800')).toBe('\\u{e0041}lone\\u{d800}');
  });

  it('writes JSON that parses back to the same strings', () => {
    const value = { names: HOSTILE_NAMES, tag: '\u{e0041}', separators: '\u2028\u2029', lone: '\udc00' };
    const text = jsonText(value, 2);
    expect(rawControls(text.replace(/\n/g, ''))).toEqual([]);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('makes the crawl summary safe for the terminal and the job summary', () => {
    const summary = emptySummary(1, ['registry'], null);
    summary.failures.push({ repository: 'evil/\u202erepo', stage: 'fetch', error: 'HTTP 500: \u001b]52;c;ZXZpbA==\u0007 <img src=https://tracker.example/p.gif> | cell' });
    summary.bySource.registry = { discovered: 0, withdrawn: 0, durationMs: 0, error: 'bad \u009b2J answer' };
    const text = formatSummaryText(summary, '/tmp/catalog.sqlite');
    expect(rawControls(text)).toEqual([]);
    expect(text).toContain('evil/\\u{202e}repo');
    const markdown = formatSummaryMarkdown(summary);
    expect(rawControls(markdown.replace(/\n/g, ''))).toEqual([]);
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=https://tracker.example/p.gif&gt; \\| cell');
  });
});
