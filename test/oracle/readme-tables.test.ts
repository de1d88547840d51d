import { describe, expect, it } from 'vitest';
import { GENERATED_END, GENERATED_START, markdownCell, replaceGenerated } from '../../bench/oracle/readme-tables.ts';

describe('the generated part of the oracle README', () => {
  it('a server\'s error line cannot break out of its table cell or inject markup', () => {
    const hostile = 'Error: bad | value\n<img src=x onerror=alert(1)> [click](http://evil.example) `code` &amp;';
    const cell = markdownCell(hostile);
    expect(cell).not.toContain('\n');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toMatch(/(^|[^\\])</);
    expect(cell).toContain('\\[click\\]\\(http://evil.example\\)');
    expect(cell).toContain('&amp;amp;');
  });

  it('replaces only what lies between the markers', () => {
    const readme = `# Oracle\n\nHand-written.\n\n${GENERATED_START}\nold table\n${GENERATED_END}\n\nAfter.\n`;
    expect(replaceGenerated(readme, `${GENERATED_START}\nnew table\n${GENERATED_END}`, 'README.md')).toBe(`# Oracle\n\nHand-written.\n\n${GENERATED_START}\nnew table\n${GENERATED_END}\n\nAfter.\n`);
  });

  it('names the file when the markers are missing', () => {
    expect(() => replaceGenerated('# Oracle\n', 'x', 'bench/oracle/README.md')).toThrow("bench/oracle/README.md: the generated part's markers are missing");
  });
});
