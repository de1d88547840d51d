import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_SET_PATH, scoreDevSet } from './dev-set-harness.ts';

/**
 * Floors just under the figures measured with description-only facts (no schema, no code), so a
 * rule change that makes the catalog worse fails here. Issue 4 targets: 0.92 / 0.85 / 0.98 / 0.
 */
describe.skipIf(!existsSync(DEV_SET_PATH))('the labelled dev set, from names, descriptions and annotations', () => {
  const score = scoreDevSet();

  it('gets the category right for at least 92% of tools', () => {
    expect(score.category_accuracy).toBeGreaterThanOrEqual(0.92);
  });

  it('gets the risk right for at least 85% of tools, and within one level for 98%', () => {
    expect(score.risk_accuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.risk_within_one).toBeGreaterThanOrEqual(0.98);
  });

  it('underrates at most the one tool whose danger is only visible in its handler code', () => {
    expect(score.underrated).toBeLessThanOrEqual(1);
  });
});

const REPOS_DIR = process.env.MCP_RISK_DEV_REPOS ?? '/work/devset';

describe.skipIf(!existsSync(DEV_SET_PATH) || !existsSync(REPOS_DIR))('the labelled dev set, with handler code from the checkouts', () => {
  const score = scoreDevSet(DEV_SET_PATH, REPOS_DIR);

  it('underrates no high or critical tool once the handler code is read', () => {
    expect(score.underrated).toBe(0);
    expect(score.risk_within_one).toBeGreaterThanOrEqual(0.98);
    expect(score.category_accuracy).toBeGreaterThanOrEqual(0.92);
    expect(score.risk_accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
