import { describe, expect, it } from 'vitest';
import { compareByRisk, riskLabel, riskRank } from '../../site/src/lib/risk.ts';

describe('risk', () => {
  it('labels badges as PolicyLayer does', () => {
    expect(riskLabel('high')).toBe('High Risk');
    expect(riskLabel('bogus')).toBe('Unclassified');
    expect(riskLabel(null)).toBe('Unclassified');
  });

  it('sorts critical first, unclassified last, then by name', () => {
    const tools = [
      { name: 'b', risk: 'low' }, { name: 'x', risk: null }, { name: 'a', risk: 'critical' }, { name: 'a', risk: 'low' }, { name: 'm', risk: 'high' },
    ];
    expect(tools.sort(compareByRisk).map((t) => `${t.risk}:${t.name}`)).toEqual(['critical:a', 'high:m', 'low:a', 'low:b', 'null:x']);
    expect(riskRank('critical')).toBeLessThan(riskRank('medium'));
  });
});
