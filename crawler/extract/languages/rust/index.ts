import { emptyExtraction, type ExtractContext, type FileExtraction, type LanguageExtractor, type SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { attributeName } from './items.ts';
import { toolFromStructAttribute } from './mcp-tool-struct.ts';
import { toolFromAttribute } from './tool-attribute.ts';
import { toolsFromConstructors } from './tool-new.ts';
import { constantsOf, type RustScope } from './values.ts';

/** Tools of rmcp, the official Rust SDK (`#[tool]` methods of router impls, `Tool::new(...)`), and rust-mcp-sdk `#[mcp_tool]` structs. */
export const rustExtractor: LanguageExtractor = {
  id: 'rust',
  grammars: ['rust'],
  markers: ['rmcp', 'mcp_tool'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const result = emptyExtraction();
    const scope: RustScope = { file, context, constants: constantsOf(root) };
    for (const attribute of root.descendantsOfType('attribute_item')) {
      const name = attribute ? attributeName(attribute) : '';
      if (!attribute || (name !== 'tool' && name !== 'mcp_tool')) continue;
      const tool = name === 'tool' ? toolFromAttribute(attribute, root, scope) : toolFromStructAttribute(attribute, root, scope);
      if (tool) result.tools.push(tool);
    }
    toolsFromConstructors(root, scope, result);
    return result;
  },
};
