import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, RULES_DOC_PATH } from '../../crawler/classify/rules-doc.ts';
import { RULES } from '../../crawler/classify/rules/index.ts';

describe('docs/rules.md', () => {
  it('matches what the generator writes from the rule definitions (run scripts/generate-rules-doc.ts)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('documents every rule, each named as a camelCase question with motivation and remediation', () => {
    const ids = RULES.map((rule) => rule.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { definition } of RULES) {
      expect(definition.id).toMatch(/^[a-z]+[A-Za-z]+$/);
      expect(definition.motivation.length).toBeGreaterThan(20);
      expect(definition.remediation.length).toBeGreaterThan(5);
    }
  });
});
