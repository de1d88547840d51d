import { awesomeListsSource } from './awesome-lists.ts';
import type { DiscoverySource } from './candidate.ts';
import { codeSearchSource } from './code-search.ts';
import { githubSearchSource } from './github-search.ts';
import { registrySource } from './registry.ts';
import { seedsSource } from './seeds.ts';

/** Every network discovery source, listed explicitly (SPEC §2: no glob discovery). `dir:PATH` is separate: it needs no network. */
export const DISCOVERY_SOURCES: readonly DiscoverySource[] = [registrySource, githubSearchSource, codeSearchSource, awesomeListsSource, seedsSource];

export function discoverySource(id: string): DiscoverySource {
  const source = DISCOVERY_SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`no discovery source ${id}`);
  return source;
}
