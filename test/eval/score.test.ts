import { describe, expect, it } from 'vitest';
import { addTallies, scoreRepo, toScores } from '../../crawler/eval/score.ts';
import type { TruthRepo } from '../../crawler/eval/truth.ts';

const truth: TruthRepo = {
  repo: 'acme/monorepo',
  commit: '0123456789abcdef',
  servers: [
    {
      path: 'src/a',
      tools: [
        { name: 'read_documentation', file: 'src/a/index.ts', line: 10, category: 'read', risk: 'low' },
        { name: 'delete_file', file: 'src/a/index.ts', line: 20, alt_lines: [18], category: 'delete', risk: 'high' },
      ],
    },
    { path: 'src/b', tools: [{ name: 'read_documentation', file: 'src/b/main.py', line: 5, category: 'read', risk: 'low' }] },
    { path: 'src/c', dynamic: true, tools: [] },
  ],
};

describe('scoring a repository against its labels', () => {
  it('matches a name labelled in two servers one to one, within each server', () => {
    const { tally, mismatches } = scoreRepo(truth, {
      tools: [
        { name: 'read_documentation', file: 'src/b/main.py', line: 5, category: 'read', risk: 'low' },
        { name: 'read_documentation', file: 'src/a/index.ts', line: 10, category: 'read', risk: 'low' },
        { name: 'delete_file', file: 'src/a/index.ts', line: 18, category: 'delete', risk: 'high' },
      ],
      dynamicFiles: ['src/c/openapi.ts'],
    });
    const scores = toScores(tally);
    expect(scores).toMatchObject({ truth_tools: 3, found_tools: 3, matched: 3, precision: 1, recall: 1, line_accuracy: 1 });
    expect(scores).toMatchObject({ category_accuracy: 1, risk_accuracy: 1, dynamic_detected: 1, dynamic_total: 1 });
    expect(mismatches).toEqual([]);
  });

  it('ignores tools outside the labelled servers and counts extras inside them', () => {
    const { tally, mismatches } = scoreRepo(truth, {
      tools: [
        { name: 'read_documentation', file: 'src/a/index.ts', line: 10, category: 'read', risk: 'low' },
        { name: 'test_helper', file: 'src/a/helpers.ts', line: 3 },
        { name: 'unrelated', file: 'examples/demo.ts', line: 1 },
      ],
      dynamicFiles: [],
    });
    const scores = toScores(tally);
    expect(scores.found_tools).toBe(2);
    expect(scores.matched).toBe(1);
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBeCloseTo(1 / 3, 3);
    expect(scores.dynamic_detected).toBe(0);
    expect(mismatches.map((m) => m.kind).sort()).toEqual(['extra', 'missed', 'missed']);
  });

  it('counts a high-risk tool predicted lower as underrated, and one level off as within one', () => {
    const { tally } = scoreRepo(truth, {
      tools: [{ name: 'delete_file', file: 'src/a/index.ts', line: 99, category: 'write', risk: 'medium' }],
      dynamicFiles: [],
    });
    const scores = toScores(addTallies([tally]));
    expect(scores.underrated).toBe(1);
    expect(scores.risk_accuracy).toBe(0);
    expect(scores.risk_within_one).toBe(1);
    expect(scores.category_accuracy).toBe(0);
    expect(scores.line_accuracy).toBe(0);
  });
});
