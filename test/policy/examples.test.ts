import { describe, expect, it } from 'vitest';
import { POLICY_FORMATS, policyExamples, replayExample, toolPolicies } from '../../crawler/policy/index.ts';
import { CASES, HOSTILE_CASES } from './fixtures.ts';

describe('policyExamples', () => {
  it.each([...CASES, ...HOSTILE_CASES])('for $label, each example gets the stated decision from the emitted policy', ({ tool, classification }) => {
    const texts = toolPolicies(tool, classification);
    const examples = policyExamples(tool, classification);
    for (const example of examples) {
      const result = replayExample(example, texts[example.format]);
      expect({ format: example.format, call: example.call, priorCalls: example.priorCalls, decision: result.decision, why: result.reason })
        .toMatchObject({ format: example.format, call: example.call, priorCalls: example.priorCalls, decision: example.decision });
    }
    expect(new Set(examples.map((e) => e.format))).toEqual(new Set(POLICY_FORMATS));
  });

  it('shows a file tool allowing a path under the prefix and denying ../../etc/passwd', () => {
    const c = CASES.find((x) => x.label.startsWith('a high file writer'))!;
    const intercept = policyExamples(c.tool, c.classification).filter((e) => e.format === 'intercept-yaml');
    expect(intercept.find((e) => e.decision === 'allow')?.call.arguments).toEqual({ path: '/workspace/src/index.ts', content: 'example' });
    expect(intercept.some((e) => e.decision === 'deny' && e.call.arguments.path === '../../etc/passwd')).toBe(true);
  });

  it('shows the 31st call in a minute denied for a medium tool under policy.json', () => {
    const c = CASES.find((x) => x.label.startsWith('a medium SQL tool'))!;
    const denied = policyExamples(c.tool, c.classification).find((e) => e.format === 'policy-json' && e.decision === 'deny');
    expect(denied).toMatchObject({ priorCalls: 30, reason: 'call 31 in the same minute passes the limit of 30' });
  });

  it('shows every call to a critical tool denied, in every format', () => {
    const c = CASES.find((x) => x.label === 'a critical shell tool')!;
    const examples = policyExamples(c.tool, c.classification);
    expect(examples.map((e) => [e.format, e.decision])).toEqual(POLICY_FORMATS.map((f) => [f, 'deny']));
  });

  it('shows a payment tool capping each call and the day', () => {
    const c = CASES.find((x) => x.label.startsWith('a payment link'))!;
    const reasons = policyExamples(c.tool, c.classification).filter((e) => e.format === 'intercept-yaml').map((e) => `${e.decision}: ${e.reason}`);
    expect(reasons).toContain('deny: unit_amount 20000 is above the per-call cap of 10000');
    expect(reasons).toContain('deny: after 5 calls of 9000 today, one more passes the daily cap of 50000');
  });

  it('is the same list every time', () => {
    for (const { tool, classification } of CASES) expect(policyExamples(tool, classification)).toEqual(policyExamples(tool, classification));
  });
});
