import type { Condition } from '../../../model/index.ts';
import type { Node } from '../../parser.ts';
import type { JavaEvaluator } from './evaluate.ts';
import { annotationArguments, annotationName, annotationsOf, simpleName } from './syntax.ts';

/**
 * Annotations that switch a bean (or a method) on by configuration: Spring's `@ConditionalOnProperty`,
 * `@ConditionalOnExpression`, `@Profile`, and Quarkus' `@IfBuildProperty`, `@UnlessBuildProperty`, `@IfBuildProfile`.
 */
export function conditionsOf(declarations: Node[], evaluator: JavaEvaluator): Condition[] {
  const conditions: Condition[] = [];
  for (const declaration of declarations) {
    for (const annotation of annotationsOf(declaration)) {
      const condition = conditionOf(annotation, evaluator);
      if (condition) conditions.push(condition);
    }
  }
  return conditions;
}

function conditionOf(annotation: Node, evaluator: JavaEvaluator): Condition | null {
  const args = annotationArguments(annotation);
  const text = (key: string): string | null => {
    const node = args.get(key);
    if (!node) return null;
    // `name = {"a", "b"}`: every listed property.
    if (node.type === 'element_value_array_initializer') {
      return node.namedChildren.map((child) => (child ? evaluator.evaluate(child)?.text ?? child.text : '')).join(',');
    }
    return evaluator.evaluate(node)?.text ?? node.text;
  };
  switch (simpleName(annotationName(annotation))) {
    case 'ConditionalOnProperty': {
      const prefix = text('prefix');
      const name = text('name') ?? text('value');
      if (!name) return null;
      const property = prefix ? `${prefix.replace(/\.$/, '')}.${name}` : name;
      const value = text('havingValue');
      const missing = text('matchIfMissing') === 'true' ? ' (or unset)' : '';
      return { kind: 'feature-toggle', expr: `${property}${value ? `=${value}` : ' set, not false'}${missing}` };
    }
    case 'ConditionalOnExpression':
      return { kind: 'feature-toggle', expr: text('value') ?? annotation.text };
    case 'Profile':
    case 'IfBuildProfile':
      return { kind: 'feature-toggle', expr: `profile ${text('value') ?? text('anyOf') ?? ''}`.trim() };
    case 'UnlessBuildProfile':
      return { kind: 'feature-toggle', expr: `not profile ${text('value') ?? text('anyOf') ?? ''}`.trim() };
    case 'IfBuildProperty':
    case 'UnlessBuildProperty': {
      const name = text('name');
      if (!name) return null;
      const value = text('stringValue');
      const negated = simpleName(annotationName(annotation)) === 'UnlessBuildProperty';
      return { kind: 'feature-toggle', expr: `${negated ? 'not ' : ''}${name}${value !== null ? `=${value}` : ''}` };
    }
    default:
      return null;
  }
}
