import type { Node } from '../../parser.ts';

/** The local names under which a file imports each SDK's `mcp` package. */
export interface SdkImports {
  mark3labs: Set<string>;
  goSdk: Set<string>;
  /** metoro-io/mcp-golang's root package (`mcp_golang.NewServer`, `server.RegisterTool`). */
  metoro: Set<string>;
}

const MARK3LABS_MCP = 'github.com/mark3labs/mcp-go/mcp';
const METORO = 'github.com/metoro-io/mcp-golang';
const GO_SDK_MCP = /^github\.com\/modelcontextprotocol\/go-sdk(\/v\d+)?\/mcp$/;

/** Reads the import declarations: `mcplib "github.com/mark3labs/mcp-go/mcp"` gives mark3labs {mcplib}. */
export function sdkImports(root: Node): SdkImports {
  const imports: SdkImports = { mark3labs: new Set(), goSdk: new Set(), metoro: new Set() };
  for (const spec of root.descendantsOfType('import_spec')) {
    if (!spec) continue;
    const path = spec.childForFieldName('path')?.text.slice(1, -1) ?? '';
    const alias = spec.childForFieldName('name')?.text;
    // A blank import brings no name; a dot import brings unqualified ones, recorded as the empty qualifier.
    if (alias === '_') continue;
    const local = alias === '.' ? '' : (alias ?? path.slice(path.lastIndexOf('/') + 1));
    if (path === MARK3LABS_MCP) imports.mark3labs.add(local);
    else if (GO_SDK_MCP.test(path)) imports.goSdk.add(local);
    // The package is named mcp_golang whatever the path's last element says.
    else if (path === METORO) imports.metoro.add(alias === undefined ? 'mcp_golang' : local);
  }
  return imports;
}
