import { z } from 'zod';

/** Our categories (SPEC §5); each maps onto one of PolicyLayer's five. */
export const Category = z.enum(['read', 'write', 'delete', 'execute', 'network', 'communicate', 'financial', 'admin', 'unknown']);
export type Category = z.infer<typeof Category>;

export const PolicyLayerCategory = z.enum(['Read', 'Write', 'Execute', 'Destructive', 'Financial']);
export type PolicyLayerCategory = z.infer<typeof PolicyLayerCategory>;

export const RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const Risk = z.enum(RISKS);
export type Risk = z.infer<typeof Risk>;

export const Tag = z.enum([
  'filesystem', 'database', 'browser', 'shell', 'code', 'network', 'private-data',
  'secrets', 'messaging', 'payments', 'identity', 'infrastructure',
]);
export type Tag = z.infer<typeof Tag>;

/** What a finding quotes so a reader can check it: text of the definition, or a line of code. */
export const Evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), field: z.string(), quote: z.string() }),
  z.object({ kind: z.literal('code'), file: z.string(), line: z.number().int().positive(), quote: z.string() }),
]);
export type Evidence = z.infer<typeof Evidence>;

/** One rule that fired on a tool, with what it implies and the evidence it saw. */
export const Finding = z.object({
  rule: z.string(),
  message: z.string(),
  category: Category.optional(),
  risk: Risk.optional(),
  tags: z.array(Tag),
  evidence: z.array(Evidence),
});
export type Finding = z.infer<typeof Finding>;

export const Classification = z.object({
  category: Category,
  policyLayerCategory: PolicyLayerCategory,
  risk: Risk,
  tags: z.array(Tag),
  confidence: z.number().min(0).max(1),
  rules: z.array(z.string()),
  findings: z.array(Finding),
  rationale: z.string(),
});
export type Classification = z.infer<typeof Classification>;
