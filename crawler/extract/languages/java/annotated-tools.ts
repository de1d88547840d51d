import type { ToolDraft } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import type { AnnotationFramework } from './frameworks.ts';
import { conditionsOf } from './conditions.ts';
import { ANNOTATION_FRAMEWORKS, SPRING_MCP_TOOL } from './frameworks.ts';
import { isHint, toolAnnotations, type DeclaredAnnotations } from './hints.ts';
import { resolveType, type Imports } from './imports.ts';
import { methodSchema } from './schema.ts';
import { SPRING_STEREOTYPES } from './spring-wiring.ts';
import { annotationArguments, annotationName, annotationsOf, declarationsAround, descendantsOfType, enclosingType, line, simpleName } from './syntax.ts';

export interface AnnotatedToolsInput {
  path: string;
  root: Node;
  imports: Imports;
  evaluator: JavaEvaluator;
  /** Confidence of Spring AI `@Tool` methods, which are MCP tools only when wired to an MCP server. */
  springToolConfidence: () => number;
  /** Whether code outside the class names it (a bean made by an `@Bean` method, `new X()`...). */
  isMentionedElsewhere: (className: string, outsideClass: string) => boolean;
  isSpringBoot: () => boolean;
}

/** Tools declared by annotating methods: Quarkus `@Tool`, Spring AI `@Tool`, `@McpTool`. */
export function annotatedTools(input: AnnotatedToolsInput): ToolDraft[] {
  const tools: ToolDraft[] = [];
  for (const method of descendantsOfType(input.root, ['method_declaration'])) {
    for (const annotation of annotationsOf(method)) {
      const framework = frameworkOf(annotation, input.imports);
      if (framework && reachesServer(method, framework, input)) tools.push(toolOf(method, annotation, framework, input));
    }
  }
  return tools;
}

/**
 * Spring Boot's annotation scanner finds `@McpTool` methods on beans only: in a Spring Boot module, a
 * class without a stereotype that no other code names (its `@Service` commented out) is not one.
 */
function reachesServer(method: Node, framework: AnnotationFramework, input: AnnotatedToolsInput): boolean {
  if (framework !== SPRING_MCP_TOOL) return true;
  const type = enclosingType(method);
  if (!type) return true;
  if (annotationsOf(type).some((annotation) => SPRING_STEREOTYPES.has(simpleName(annotationName(annotation))))) return true;
  const name = type.childForFieldName('name')?.text;
  if (!name || !input.isSpringBoot()) return true;
  const outside = input.root.text.slice(0, type.startIndex) + input.root.text.slice(type.endIndex);
  return input.isMentionedElsewhere(name, outside.replace(/^\s*import\s.*$/gm, ''));
}

function frameworkOf(annotation: Node, imports: Imports): AnnotationFramework | null {
  const written = annotationName(annotation);
  for (const framework of ANNOTATION_FRAMEWORKS) {
    const qualified = resolveType(imports, written, framework.packages);
    if (!qualified) continue;
    if (framework.packages.some((pkg) => qualified === `${pkg}.${framework.annotation}`)) return framework;
  }
  return null;
}

function toolOf(method: Node, annotation: Node, framework: AnnotationFramework, input: AnnotatedToolsInput): ToolDraft {
  const { evaluator } = input;
  const args = annotationArguments(annotation);
  const methodName = method.childForFieldName('name')?.text ?? '';
  const nameNode = args.get('name');
  const name = evaluator.evaluate(nameNode);
  const description = describe(args.get('description'), framework.describesWithMethodName ? methodName : null, evaluator);
  const declared = declaredAnnotations(args.get('annotations'), evaluator);
  const fillDefaults = framework.hintDefaults === 'always' || (framework.hintDefaults === 'when-declared' && declared !== null);
  const { annotations, annotationsOrigin } = toolAnnotations(declared, fillDefaults);
  const title = evaluator.evaluate(args.get('title'))?.text || declared?.title || null;
  const named = !nameNode || (name !== null && name.complete);
  const isSpringTool = framework.style === 'spring@Tool';
  const tool: ToolDraft = {
    name: name?.text || (nameNode && !name ? nameNode.text : methodName),
    nameResolved: named,
    title,
    description: description.text,
    descriptionResolved: description.resolved,
    inputSchema: methodSchema(method, framework.parameters, evaluator),
    annotations,
    annotationsOrigin,
    file: input.path,
    line: line(annotation),
    sdk: framework.sdk,
    style: framework.style,
    conditions: conditionsOf(declarationsAround(method), evaluator),
    confidence: isSpringTool ? input.springToolConfidence() : named ? 1 : 0.7,
    handler: { file: input.path, startLine: line(method), endLine: method.endPosition.row + 1 },
    inputSchemaSource: 'parameters',
  };
  if (!named && nameNode) tool.nameExpr = nameNode.text;
  const descriptionNode = args.get('description');
  if (descriptionNode && description.resolved !== 'full') tool.descriptionExpr = descriptionNode.text;
  return tool;
}

function describe(
  node: Node | undefined,
  fallback: string | null,
  evaluator: JavaEvaluator,
): { text: string | null; resolved: ToolDraft['descriptionResolved'] } {
  if (!node) return fallback ? { text: fallback, resolved: 'full' } : { text: null, resolved: 'none' };
  const value = evaluator.evaluate(node);
  if (!value) return { text: node.text, resolved: 'none' };
  if (value.text === '' && fallback) return { text: fallback, resolved: 'full' };
  return { text: value.text || null, resolved: value.complete ? 'full' : 'partial' };
}

/** `annotations = @Tool.Annotations(readOnlyHint = true, ...)`, or null when not written. */
function declaredAnnotations(node: Node | undefined, evaluator: JavaEvaluator): DeclaredAnnotations | null {
  if (!node || (node.type !== 'annotation' && node.type !== 'marker_annotation')) return null;
  const declared: DeclaredAnnotations = { hints: {} };
  for (const [key, value] of annotationArguments(node)) {
    if (key === 'title') {
      declared.title = evaluator.evaluate(value)?.text || undefined;
    } else if (isHint(key)) {
      const text = value.type === 'true' || value.type === 'false' ? value.text : evaluator.evaluate(value)?.text;
      if (text === 'true' || text === 'false') declared.hints[key] = text === 'true';
    }
  }
  return declared;
}
