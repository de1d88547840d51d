import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';

/**
 * Directories of the repository's own packages a file imports, by local name: the import path minus
 * the module path of the nearest go.mod (`example.com/srv/handler` in module `example.com/srv` gives
 * `handler`, relative to the go.mod's directory).
 */
export function localPackageDirs(filePath: string, root: Node, context: ExtractContext): Map<string, string> {
  const dirs = new Map<string, string>();
  const module = nearestModule(filePath, context);
  if (!module) return dirs;
  for (const spec of root.descendantsOfType('import_spec')) {
    const path = spec?.childForFieldName('path')?.text.slice(1, -1) ?? '';
    if (!path.startsWith(`${module.path}/`)) continue;
    const alias = spec?.childForFieldName('name')?.text;
    const local = alias ?? path.slice(path.lastIndexOf('/') + 1);
    const relative = path.slice(module.path.length + 1);
    dirs.set(local, module.dir ? `${module.dir}/${relative}` : relative);
  }
  return dirs;
}

function nearestModule(filePath: string, context: ExtractContext): { dir: string; path: string } | null {
  const parts = filePath.split('/').slice(0, -1);
  for (let i = parts.length; i >= 0; i--) {
    const dir = parts.slice(0, i).join('/');
    const text = context.readText(dir ? `${dir}/go.mod` : 'go.mod');
    if (text === null) continue;
    const path = /^module\s+(\S+)/m.exec(text)?.[1];
    return path ? { dir, path } : null;
  }
  return null;
}
