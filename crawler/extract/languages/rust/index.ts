import { emptyExtraction, type ExtractContext, type FileExtraction, type LanguageExtractor, type SourceFile } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { attributeName } from './items.ts';
import { toolFromAttribute } from './tool-attribute.ts';
import { toolsFromConstructors } from './tool-new.ts';
import { constantsOf, type RustScope } from './values.ts';

/** Tools of rmcp, the official Rust SDK: `#[tool]` methods of router impls, and `Tool::new(...)`. */
export const rustExtractor: LanguageExtractor = {
  id: 'rust',
  grammars: ['rust'],
  markers: ['rmcp'],
  extract(file: SourceFile, root: Node, context: ExtractContext): FileExtraction {
    const result = emptyExtraction();
    const scope: RustScope = { file, context, constants: constantsOf(root) };
    for (const attribute of root.descendantsOfType('attribute_item')) {
      if (!attribute || attributeName(attribute) !== 'tool') continue;
      const tool = toolFromAttribute(attribute, root, scope);
      if (tool) result.tools.push(tool);
    }
    toolsFromConstructors(root, scope, result);
    return result;
  },
};
