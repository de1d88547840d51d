/**
 * The packages a server is published as (stored by the crawler from its manifests: npm, PyPI, crates.io,
 * NuGet, OCI and what a server.json names), each with its registry page when we know how to build one.
 * Crawled text: read by own keys, and a name becomes a URL only as encoded path segments.
 */
export interface PackageLink {
  registry: string;
  /** How the registry is called on the page. */
  label: string;
  name: string;
  url: string | null;
}

const LABELS: Record<string, string> = { npm: 'npm', pypi: 'PyPI', oci: 'OCI', nuget: 'NuGet', crates: 'crates.io', mcpb: 'MCPB' };

const segments = (name: string): string => name.split('/').map(encodeURIComponent).join('/');

/** The registry's page for a package, or null for a registry without one we can name (OCI hosts vary). */
export function packageUrl(registry: string, name: string): string | null {
  switch (registry) {
    case 'npm': return `https://www.npmjs.com/package/${segments(name)}`;
    case 'pypi': return `https://pypi.org/project/${encodeURIComponent(name)}/`;
    case 'crates': return `https://crates.io/crates/${encodeURIComponent(name)}`;
    case 'nuget': return `https://www.nuget.org/packages/${encodeURIComponent(name)}`;
    default: return null;
  }
}

/** The stored JSON list as links; anything that is not a list of {registry, name} strings is left out. */
export function toPackages(text: string | null | undefined): PackageLink[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const own = (entry: object, key: string): unknown => (Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined);
  return value.flatMap((entry): PackageLink[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const registry = own(entry, 'registry');
    const name = own(entry, 'name');
    if (typeof registry !== 'string' || typeof name !== 'string' || name === '') return [];
    return [{ registry, label: Object.hasOwn(LABELS, registry) ? LABELS[registry] : registry, name, url: packageUrl(registry, name) }];
  });
}
