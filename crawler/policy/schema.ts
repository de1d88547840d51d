import { z } from 'zod';
import { nameRecord } from './name-record.ts';

/** One quota counter (PolicyLayer docs: counter, window, max, scope). */
export const PolicyLimit = z.object({
  counter: z.string().min(1),
  window: z.enum(['minute', 'hour', 'day']),
  max: z.number().int().positive(),
  scope: z.enum(['grant']),
}).strict();
export type PolicyLimit = z.infer<typeof PolicyLimit>;

/** A tool entry; `{}` under `default: deny` means allowed. `require`/`deny_if` syntax is unpublished, so we emit none. */
export const PolicyToolEntry = z.object({
  limits: z.array(PolicyLimit).optional(),
  require: z.array(z.unknown()).optional(),
  deny_if: z.array(z.unknown()).optional(),
}).strict();
export type PolicyToolEntry = z.infer<typeof PolicyToolEntry>;

/**
 * PolicyLayer's hosted `policy.json` (policylayer.com/docs/writing-policies), only the published
 * fields: anything else would be silently ignored by the gateway and mislead the reader.
 */
export const PolicyJson = z.object({
  version: z.literal('1'),
  default: z.enum(['allow', 'deny']),
  hide: z.array(z.string()).optional(),
  all_tools: z.object({ limits: z.array(PolicyLimit).optional() }).strict().optional(),
  tools: nameRecord(PolicyToolEntry).optional(),
}).strict();
export type PolicyJson = z.infer<typeof PolicyJson>;
