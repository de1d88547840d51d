import { z } from 'zod';

/** One labelled tool. Category and risk may be absent in an extraction-only corpus. */
export const TruthTool = z.object({
  name: z.string(),
  file: z.string(),
  line: z.number().int(),
  alt_lines: z.array(z.number().int()).optional(),
  category: z.string().optional(),
  risk: z.string().optional(),
});
export type TruthTool = z.infer<typeof TruthTool>;

export const TruthServer = z.object({
  path: z.string(),
  dynamic: z.boolean().optional(),
  tools: z.array(TruthTool),
});
export type TruthServer = z.infer<typeof TruthServer>;

export const TruthRepo = z.object({
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name'),
  /** Absent for a corpus of local folders (the embedded samples). */
  commit: z.string().min(7).nullish(),
  dynamic: z.boolean().optional(),
  servers: z.array(TruthServer),
});
export type TruthRepo = z.infer<typeof TruthRepo>;

/** A labelled corpus (SPEC §8). Extra fields are ignored. */
export const Truth = z.object({
  version: z.literal(1),
  repos: z.array(TruthRepo),
});
export type Truth = z.infer<typeof Truth>;
