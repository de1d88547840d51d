import { describe, expect, it } from 'vitest';
import { filterValue, parseJson, plural, summaryText, truncate } from '../../site/src/lib/text.ts';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Read a file.', 600)).toEqual({ shown: 'Read a file.', truncated: false, length: 12 });
  });

  it('cuts long text at a word boundary and says how long the whole is', () => {
    const text = 'word '.repeat(300);
    const result = truncate(text, 100);
    expect(result.truncated).toBe(true);
    expect(result.length).toBe(1500);
    expect(result.shown.endsWith('word…')).toBe(true);
    expect(result.shown.length).toBeLessThanOrEqual(101);
  });

  it('never splits a surrogate pair', () => {
    const result = truncate('😀'.repeat(10), 5);
    expect(result.shown).toBe(`${'😀'.repeat(5)}…`);
  });
});

describe('parseJson', () => {
  it('gives the fallback for null, invalid JSON and the wrong shape', () => {
    expect(parseJson(null, 'x')).toBe('x');
    expect(parseJson('{oops', [])).toEqual([]);
    expect(parseJson('{"a":1}', [], Array.isArray)).toEqual([]);
    expect(parseJson('["a"]', [], Array.isArray)).toEqual(['a']);
  });
});

describe('summaryText', () => {
  it('drops angle brackets and control characters from a summary', () => {
    expect(summaryText('High Risk: <script>alert(1)</script>\u0007 tool')).toBe('High Risk: script alert(1) /script tool');
  });
});

describe('plural', () => {
  it('counts nouns', () => {
    expect(plural(1, 'tool')).toBe('1 tool');
    expect(plural(1200, 'tool')).toBe('1,200 tools');
  });
});

describe('filterValue', () => {
  it('lets plain words through and turns anything with markup into "other"', () => {
    expect(filterValue('typescript')).toBe('typescript');
    expect(filterValue('c#')).toBe('c#');
    expect(filterValue('"><img src=x onerror=alert(5)>')).toBe('other');
    expect(filterValue('<style>*{display:none}</style>')).toBe('other');
    expect(filterValue(null)).toBe('other');
  });
});
