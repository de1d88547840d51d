import type { Node } from '../../parser.ts';
import { namedChildren } from './syntax.ts';

/** What a file imports: single types by simple name, wildcard packages, static members. */
export interface Imports {
  /** Simple name → fully qualified name (`Tool` → `io.quarkiverse.mcp.server.Tool`). */
  types: Map<string, string>;
  /** Packages imported with `.*`. */
  wildcards: string[];
  /** Static member → owning class's qualified name (`NAME` → `a.b.Constants`). */
  statics: Map<string, string>;
  /** Classes whose statics are imported with `import static a.b.C.*`. */
  staticWildcards: string[];
}

export function readImports(root: Node): Imports {
  const imports: Imports = { types: new Map(), wildcards: [], statics: new Map(), staticWildcards: [] };
  for (const declaration of namedChildren(root)) {
    if (declaration.type !== 'import_declaration') continue;
    const isStatic = declaration.children.some((child) => child?.type === 'static');
    const isWildcard = declaration.children.some((child) => child?.type === 'asterisk');
    const name = namedChildren(declaration).find((child) => child.type === 'scoped_identifier' || child.type === 'identifier')?.text;
    if (!name) continue;
    const dot = name.lastIndexOf('.');
    if (isStatic && isWildcard) imports.staticWildcards.push(name);
    else if (isStatic) imports.statics.set(name.slice(dot + 1), name.slice(0, dot));
    else if (isWildcard) imports.wildcards.push(name);
    else imports.types.set(name.slice(dot + 1), name);
  }
  return imports;
}

/**
 * The qualified name an annotation or type name refers to, among `candidates` packages, or null
 * when the file imports it from elsewhere (or not at all).
 */
export function resolveType(imports: Imports, written: string, candidates: readonly string[]): string | null {
  if (written.includes('.')) {
    const qualified = candidates.find((pkg) => written.startsWith(`${pkg}.`));
    if (qualified) return written;
    const head = written.slice(0, written.indexOf('.'));
    const outer = imports.types.get(head);
    return outer ? `${outer}${written.slice(head.length)}` : null;
  }
  const explicit = imports.types.get(written);
  if (explicit) return explicit;
  const pkg = imports.wildcards.find((wildcard) => candidates.includes(wildcard));
  return pkg ? `${pkg}.${written}` : null;
}
