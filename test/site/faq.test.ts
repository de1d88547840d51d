import { describe, expect, it } from 'vitest';
import { POLICY_JSON_FIELDS, toolFaq, type FaqInput } from '../../site/src/lib/faq.ts';
import { policyViews } from '../../site/src/lib/policies.ts';

const policy = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function faqFor(name: string, policyJson: string): ReturnType<typeof toolFaq> {
  const input: FaqInput = {
    toolName: name, serverName: 'demo', repository: 'acme/demo', commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    description: 'Does things.', category: 'write', risk: 'medium', rationale: 'Changes files.',
    policies: policyViews([{ format: 'policy-json', text: policyJson }, { format: 'intercept-yaml', text: 'rate_limit: 30/minute\n' }], [], null),
  };
  return toolFaq(input);
}

const CASES = {
  limited: policy({ version: '1', default: 'deny', tools: { save: { limits: [{ counter: 'save_rate', window: 'minute', max: 30, scope: 'grant' }] } } }),
  hidden: policy({ version: '1', default: 'deny', hide: ['save'] }),
  allowed: policy({ version: '1', default: 'deny', tools: { save: {} } }),
};

describe('the FAQ of a tool page', () => {
  it.each(Object.entries(CASES))('names only policy.json fields, the tool and values from the policy (%s)', (_, text) => {
    const faq = faqFor('save', text);
    for (const entry of faq) {
      for (const segment of entry.answer) {
        if (typeof segment === 'string') continue;
        const known = (POLICY_JSON_FIELDS as readonly string[]).includes(segment.code) || segment.code === 'save' || text.includes(segment.code) || 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'.startsWith(segment.code);
        expect(known, `${entry.question}: ${segment.code}`).toBe(true);
      }
      const words = entry.answer.map((s) => (typeof s === 'string' ? s : s.code)).join('');
      expect(words).not.toMatch(/rate_limit|\baction\b|\breason\b/);
    }
  });

  it('answers the six questions a reader asks, from the policy it recommends', () => {
    const faq = faqFor('save', CASES.limited);
    expect(faq.map((e) => e.question)).toEqual([
      'What does save do?', 'What is the risk level of save?', 'How does the recommended policy.json control save?',
      'Can I rate-limit save?', 'How do I block save completely?', 'Which server provides save?',
    ]);
    const text = (i: number) => faq[i].answer.map((s) => (typeof s === 'string' ? s : s.code)).join('');
    expect(text(2)).toContain('at most 30 calls per minute, counted in save_rate per grant');
    expect(faqFor('save', CASES.hidden).map((e) => e.answer.map((s) => (typeof s === 'string' ? s : s.code)).join(''))[2]).toContain('under hide');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('never says policy.json allows %s when it does not list it', (name) => {
    const answer = (text: string) => faqFor(name, text)[2].answer.map((s) => (typeof s === 'string' ? s : s.code)).join('');
    expect(answer(policy({ version: '1', default: 'deny', tools: { other: {} } }))).toBe('It does not list the tool, so default decides.');
    // Listed under its own name, it is found as any other name is.
    expect(answer(`{"version":"1","default":"deny","tools":{${JSON.stringify(name)}:{"limits":[{"counter":"c","window":"minute","max":30,"scope":"grant"}]}}}`)).toContain('at most 30 calls per minute');
  });
});
