import { describe, expect, it } from 'vitest';
import { schemaType, summarizeParameters } from '../../site/src/lib/parameters.ts';

describe('summarizeParameters', () => {
  it('counts parameters and required ones, required first', () => {
    const summary = summarizeParameters({
      type: 'object',
      properties: { head: { type: 'number', description: 'First N lines' }, path: { type: 'string' } },
      required: ['path'],
    });
    expect(summary.count).toBe(2);
    expect(summary.required).toBe(1);
    expect(summary.parameters.map((p) => p.name)).toEqual(['path', 'head']);
    expect(summary.parameters[1]).toEqual({ name: 'head', type: 'number', required: false, description: 'First N lines' });
  });

  it('gives zero for a missing or malformed schema', () => {
    expect(summarizeParameters(null)).toEqual({ count: 0, required: 0, parameters: [] });
    expect(summarizeParameters({ properties: 'nope' }).count).toBe(0);
    expect(summarizeParameters({ properties: { a: {} }, required: 'a' }).required).toBe(0);
  });
});

describe('schemaType', () => {
  it('names JSON Schema types briefly', () => {
    expect(schemaType({ type: 'array', items: { type: 'string' } })).toBe('array of string');
    expect(schemaType({ type: ['string', 'null'] })).toBe('string | null');
    expect(schemaType({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBe('string | number');
    expect(schemaType({ enum: ['a', 'b'] })).toBe('enum');
    expect(schemaType(undefined)).toBe('any');
  });
});
