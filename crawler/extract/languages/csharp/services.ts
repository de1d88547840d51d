import type { SourceTree } from '../../../fetch/source-tree.ts';
import { isSkippedPath } from '../../files.ts';

const MAX_SCANNED_BYTES = 512 * 1024;
const MAX_SCANNED_FILES = 5000;

/** `services.AddSingleton<IFoo, Foo>()`, `AddHttpClient<Foo>()`, `AddKeyedScoped<Foo>(...)`. */
const GENERIC_REGISTRATION = /\.Add(?:Keyed)?(?:Singleton|Scoped|Transient|HttpClient|HostedService)\s*<\s*([\w.]+)(?:\s*<[^<>]*>)?(?:\s*,\s*([\w.]+))?/g;
/** `AddSingleton(new Foo(...))` or `AddSingleton(_ => new Foo(...))`. */
const INSTANCE_REGISTRATION = /\.Add(?:Keyed)?(?:Singleton|Scoped|Transient)\s*\(\s*(?:[\w\s,()]*=>\s*)?new\s+([\w.]+)/g;
/** `AddSingleton(httpClient)`: the variable's type is read from its declaration in the same file. */
const VARIABLE_REGISTRATION = /\.Add(?:Keyed)?(?:Singleton|Scoped|Transient)\s*\(\s*(\w+)\s*\)/g;

const cache = new WeakMap<SourceTree, ReadonlySet<string>>();

function simple(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * Type names the repository registers with dependency injection. The C# SDK binds parameters of
 * these types from services, so they are not tool arguments (docs/concepts/tools/tools.md).
 */
export function registeredServices(tree: SourceTree): ReadonlySet<string> {
  const cached = cache.get(tree);
  if (cached) return cached;
  const services = new Set<string>();
  let scanned = 0;
  for (const path of tree.paths()) {
    if (!path.endsWith('.cs') || isSkippedPath(path)) continue;
    if ((tree.size(path) ?? Infinity) > MAX_SCANNED_BYTES || ++scanned > MAX_SCANNED_FILES) continue;
    const text = tree.read(path)?.toString('utf8') ?? '';
    if (!text.includes('.Add')) continue;
    for (const match of text.matchAll(GENERIC_REGISTRATION)) {
      services.add(simple(match[1]));
      if (match[2]) services.add(simple(match[2]));
    }
    for (const match of text.matchAll(INSTANCE_REGISTRATION)) services.add(simple(match[1]));
    for (const match of text.matchAll(VARIABLE_REGISTRATION)) {
      const declaration = new RegExp(`(?:\\b([\\w.]+)|var)\\s+${match[1]}\\s*=\\s*new\\s+([\\w.]+)`).exec(text);
      if (declaration) services.add(simple(declaration[2]));
    }
  }
  cache.set(tree, services);
  return services;
}
