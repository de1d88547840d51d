import { describe, expect, it } from 'vitest';
import { annotationRows } from '../../site/src/lib/annotations.ts';

describe('annotationRows', () => {
  it('shows each hint next to its origin, with the MCP default where it is absent', () => {
    const rows = annotationRows({ readOnlyHint: true }, { readOnlyHint: 'explicit', destructiveHint: 'sdk-default' }, []);
    const byHint = Object.fromEntries(rows.map((row) => [row.hint, row]));
    expect(rows.map((row) => row.hint)).toEqual(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
    expect(byHint.readOnlyHint).toMatchObject({ declared: 'true', origin: 'explicit', effective: true, contradiction: null });
    expect(byHint.destructiveHint).toMatchObject({ declared: null, origin: 'sdk-default', effective: true });
    expect(byHint.openWorldHint).toMatchObject({ declared: null, origin: 'absent', effective: true });
    expect(byHint.idempotentHint.effective).toBe(false);
  });

  it("shows the classifier's contradiction findings beside the hint they contradict", () => {
    const rows = annotationRows({ readOnlyHint: true, destructiveHint: false }, { readOnlyHint: 'explicit' }, [
      { rule: 'declaresReadOnlyButWrites', message: 'Declared read-only, yet it writes' },
      { rule: 'declaresNonDestructiveButDeletes', message: 'Declared non-destructive, yet it deletes' },
      { rule: 'runsShellCommand', message: 'Runs a shell command' },
    ]);
    expect(rows.map((row) => row.contradiction)).toEqual(['Declared read-only, yet it writes', 'Declared non-destructive, yet it deletes', null, null]);
  });

  it('never guesses a contradiction without a finding', () => {
    expect(annotationRows({ readOnlyHint: true }, { readOnlyHint: 'explicit' }, []).every((row) => row.contradiction === null)).toBe(true);
  });

  it('keeps an unresolved value as text and never treats it as true', () => {
    const rows = annotationRows({ readOnlyHint: 'READ_ONLY' }, {}, []);
    expect(rows[0]).toMatchObject({ declared: 'READ_ONLY', origin: 'explicit', effective: false, contradiction: null });
  });

  it('copes with no annotations at all', () => {
    expect(annotationRows(null, undefined, []).every((row) => row.origin === 'absent' && row.declared === null)).toBe(true);
  });
});
