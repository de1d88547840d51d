import { addTallies, comparePackage, figures, type Figures, type Miss, type Tally } from './compare.ts';
import type { Extraction } from '../../crawler/model/index.ts';
import type { Inventory } from './inventory.ts';

export interface PackageResult extends Figures {
  package: string;
  registry: string;
  version: string | null;
  family: string;
  servers_extracted: number;
  dynamic_reported: number;
}

/** What `bench/results/oracle.json` holds. */
export interface OracleResults {
  inventories: string;
  packages_in_list: number;
  packages_recorded: number;
  packages_listed: number;
  packages_compared: number;
  overall: Figures;
  by_family: Record<string, Figures>;
  miss_classes: Record<string, number>;
  packages: PackageResult[];
  /** Listed packages whose published files could not be had (not cached, registry unreachable). */
  not_compared: { package: string; version: string | null; reason: string }[];
  misses: Miss[];
}

export interface Compared {
  inventory: Inventory;
  extraction: Extraction;
}

/** Adds up per-package comparisons into the results: overall, per SDK family, per package, misses. */
export function oracleResults(input: {
  inventories: string;
  listSize: number;
  recorded: Inventory[];
  compared: Compared[];
  notCompared: OracleResults['not_compared'];
}): OracleResults {
  const tallies: { inventory: Inventory; extraction: Extraction; tally: Tally }[] = [];
  const misses: Miss[] = [];
  for (const { inventory, extraction } of input.compared) {
    const comparison = comparePackage(inventory, extraction);
    tallies.push({ inventory, extraction, tally: comparison.tally });
    misses.push(...comparison.misses);
  }
  const families = [...new Set(tallies.map((t) => t.inventory.family))].sort();
  const missClasses: Record<string, number> = {};
  for (const miss of misses) missClasses[miss.class] = (missClasses[miss.class] ?? 0) + 1;
  return {
    inventories: input.inventories,
    packages_in_list: input.listSize,
    packages_recorded: input.recorded.length,
    packages_listed: input.recorded.filter((inventory) => inventory.outcome === 'listed').length,
    packages_compared: tallies.length,
    overall: figures(addTallies(tallies.map((t) => t.tally))),
    by_family: Object.fromEntries(families.map((family) => [family, figures(addTallies(tallies.filter((t) => t.inventory.family === family).map((t) => t.tally)))])),
    miss_classes: Object.fromEntries(Object.entries(missClasses).sort(([a], [b]) => a.localeCompare(b))),
    packages: tallies.map(({ inventory, extraction, tally }) => ({
      package: inventory.package,
      registry: inventory.registry,
      version: inventory.version,
      family: inventory.family,
      servers_extracted: extraction.servers.length,
      dynamic_reported: extraction.dynamic.length,
      ...figures(tally),
    })),
    not_compared: input.notCompared,
    misses,
  };
}
