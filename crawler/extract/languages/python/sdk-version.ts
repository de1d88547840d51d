import type { ModuleScope } from './module-scope.ts';

const MANIFESTS = ['pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'Pipfile'];

/** `mcp>=1.10`, `mcp[cli]==1.9.4`, `"mcp ~= 1.26"` and the like; the lower bound counts. */
const MCP_REQUIREMENT = /(?:^|["'\s,])mcp(?:\[[^\]]*\])?\s*(?:>=|==|~=|>|===)\s*(\d+)\.(\d+)/m;

/**
 * The official SDK's minor version a file is written against, from the nearest manifest above
 * it, as [major, minor]; null when no manifest pins it. Positional arguments depend on it.
 */
export function mcpVersion(scope: ModuleScope): [number, number] | null {
  if (!scope.context) return null;
  const dirs = scope.file.path.split('/').slice(0, -1);
  for (let depth = dirs.length; depth >= 0; depth -= 1) {
    const dir = dirs.slice(0, depth).join('/');
    for (const manifest of MANIFESTS) {
      const text = scope.context.readText(dir ? `${dir}/${manifest}` : manifest);
      const match = text ? MCP_REQUIREMENT.exec(text) : null;
      if (match) return [Number(match[1]), Number(match[2])];
    }
  }
  return null;
}

/** True when positional `title` comes before `description` (mcp 1.10 and later, the default today). */
export function titleBeforeDescription(version: [number, number] | null): boolean {
  return !version || version[0] > 1 || version[1] >= 10;
}
