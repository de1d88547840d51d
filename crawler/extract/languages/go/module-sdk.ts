import type { ExtractContext } from '../../extractor.ts';

export type GoSdk = 'go-mark3labs' | 'go-sdk';

const cache = new WeakMap<ExtractContext, Map<string, GoSdk | null>>();

/** The MCP SDK named by the nearest go.mod above `path`, or null. */
export function moduleSdk(path: string, context: ExtractContext): GoSdk | null {
  let byDir = cache.get(context);
  if (!byDir) cache.set(context, (byDir = new Map()));
  const parts = path.split('/').slice(0, -1);
  for (let i = parts.length; i >= 0; i--) {
    const dir = parts.slice(0, i).join('/');
    if (byDir.has(dir)) return byDir.get(dir) ?? null;
    const text = context.readText(dir ? `${dir}/go.mod` : 'go.mod');
    if (text === null) continue;
    const sdk = /github\.com\/modelcontextprotocol\/go-sdk\s/.test(text)
      ? 'go-sdk'
      : /github\.com\/mark3labs\/mcp-go\s/.test(text)
        ? 'go-mark3labs'
        : null;
    byDir.set(dir, sdk);
    return sdk;
  }
  return null;
}
