import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../crawler/eval/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the embedded sample corpus', () => {
  it('yields exactly the hand-labelled tools, at their labelled lines, classified as labelled', async () => {
    const report = await runEval(join(ROOT, 'test', 'samples', 'expected.json'), join(ROOT, 'data'));
    const problems = report.per_repo.flatMap((r) => r.mismatches.map((m) => `${r.repo}: ${m.kind} ${m.name} ${m.expected ?? ''} ${m.got ?? ''}`));
    const extraction = problems.filter((p) => /: (missed|extra|line) /.test(p));
    expect(extraction).toEqual([]);
    expect(report).toMatchObject({ precision: 1, recall: 1, line_accuracy: 1 });
    // Classification is judged against an independent labeller: most labels agree, and no
    // high or critical tool is ever rated lower.
    expect(report.underrated).toBe(0);
    expect(report.category_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.risk_accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
