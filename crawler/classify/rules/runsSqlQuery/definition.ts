import type { RuleDefinition } from '../../rule.ts';

export const definition: RuleDefinition = {
  id: 'runsSqlQuery',
  short: 'Runs a database query written by the caller.',
  motivation: 'A query language is code: a write-capable one can change or drop any table the connection can reach, and even a read-only one returns any row.',
  remediation: 'Connect the server with a read-only database role; with Intercept, deny queries that do not start with SELECT.',
  implies: { category: 'execute', risk: 'medium when only SELECT is allowed, else high' },
};
