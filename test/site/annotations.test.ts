import { describe, expect, it } from 'vitest';
import { annotationRows } from '../../site/src/lib/annotations.ts';

describe('annotationRows', () => {
  it('shows each hint next to its origin, with the MCP default where it is absent', () => {
    const rows = annotationRows({ readOnlyHint: true }, { readOnlyHint: 'explicit', destructiveHint: 'sdk-default' }, 'read');
    const byHint = Object.fromEntries(rows.map((row) => [row.hint, row]));
    expect(rows.map((row) => row.hint)).toEqual(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
    expect(byHint.readOnlyHint).toMatchObject({ declared: 'true', origin: 'explicit', effective: true, contradiction: null });
    expect(byHint.destructiveHint).toMatchObject({ declared: null, origin: 'sdk-default', effective: true });
    expect(byHint.openWorldHint).toMatchObject({ declared: null, origin: 'absent', effective: true });
    expect(byHint.idempotentHint.effective).toBe(false);
  });

  it('reports a read-only declaration on a tool that writes', () => {
    const rows = annotationRows({ readOnlyHint: true }, { readOnlyHint: 'explicit' }, 'write');
    expect(rows[0].contradiction).toBe('declared readOnlyHint: true, but the tool is classified as write');
  });

  it('keeps an unresolved value as text and never treats it as true', () => {
    const rows = annotationRows({ readOnlyHint: 'READ_ONLY' }, {}, 'delete');
    expect(rows[0]).toMatchObject({ declared: 'READ_ONLY', origin: 'explicit', effective: false, contradiction: null });
  });

  it('copes with no annotations at all', () => {
    expect(annotationRows(null, undefined, null).every((row) => row.origin === 'absent' && row.declared === null)).toBe(true);
  });
});
