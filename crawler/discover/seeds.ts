import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGitHubRepository, type Candidate, type DiscoverySource } from './candidate.ts';

export const SEEDS_FILE = resolve(import.meta.dirname, '..', '..', 'data', 'seeds.txt');

/** `owner/name` or a GitHub URL per line, an optional subfolder after a space; `#` starts a comment. */
export function parseSeeds(text: string): Candidate[] {
  const seeds: Candidate[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [repository, subfolder] = line.split(/\s+/);
    const candidate = parseGitHubRepository(repository);
    if (!candidate) throw new Error(`seeds: not a GitHub repository: ${JSON.stringify(line)}`);
    seeds.push(subfolder ? { ...candidate, subfolder } : candidate);
  }
  return seeds;
}

/** The committed seed list, `data/seeds.txt` (or `MCP_RISK_SEEDS`). */
export const seedsSource: DiscoverySource = {
  id: 'seeds',
  bucket: 'none',
  schedule: 'nightly',
  incremental: false,
  async discover(_context, emit) {
    emit({ candidates: parseSeeds(readFileSync(process.env.MCP_RISK_SEEDS ?? SEEDS_FILE, 'utf8')) });
  },
};
