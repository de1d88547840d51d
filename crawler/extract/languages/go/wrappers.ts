import type { Condition } from '../../../model/tool.ts';
import type { ExtractContext } from '../../extractor.ts';
import type { Node } from '../../parser.ts';
import { callSitesOf, enclosingFunction, parameterNames, type CallSite } from './call-sites.ts';
import { evaluateBool, evaluateString } from './evaluate.ts';
import type { GoPackage } from './package-index.ts';
import { unwrapExpression, type GoSyntax } from './syntax.ts';

/**
 * A repository-local function that builds a tool from its parameters (reference §5.4, GO-06):
 * `issueUpdateTool(t, "update_issue_title", "Update the title...")` fills `Name: name`, and
 * razorpay's `mcpgo.NewTool("fetch_payment", "...", params, h)` stores them in fields that a method
 * later passes to `mcp.NewTool(t.name, ...)`. `slots` says which argument becomes which name inside.
 */
interface Wrapper {
  dir: string;
  name: string;
  /** The expression inside (`name`, `t.name`) and the argument index that gives it its value. */
  slots: { key: string; index: number }[];
  nameIndex: number;
}

/** One call of a wrapper: the tool it declares, as the package reads with the parameters bound. */
export interface WrapperSite {
  file: string;
  line: number;
  /** The wrapper's package with its parameters bound to this call's arguments. */
  bound: GoPackage;
  conditions: Condition[];
  site: CallSite;
  /** 1 for a direct call of the wrapper, 2 for a wrapper called by another wrapper. */
  depth: number;
}

/** Wrappers nest this deep at most (the issue asks for one or two levels). */
const MAX_DEPTH = 2;

/**
 * The call sites that give a tool its name when the name inside is a wrapper's parameter (or a field
 * that a constructor fills from one). Null when the name is not such a parameter.
 */
export function wrapperSites(node: Node, nameNode: GoSyntax, pkg: GoPackage, filePath: string, context: ExtractContext): WrapperSite[] | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  const dir = filePath.includes('/') ? filePath.slice(0, filePath.lastIndexOf('/')) : '';
  const wrapper = wrapperOf(fn, unwrapExpression(nameNode), dir, filePath, context);
  if (!wrapper) return null;
  return expand(wrapper, pkg, context, 1);
}

function wrapperOf(fn: Node, name: GoSyntax, dir: string, filePath: string, context: ExtractContext): Wrapper | null {
  if (fn.type === 'function_declaration' && name.type === 'identifier') {
    const parameters = parameterNames(fn);
    const nameIndex = parameters.indexOf(name.text);
    const fnName = fn.childForFieldName('name')?.text;
    if (nameIndex < 0 || !fnName) return null;
    return { dir, name: fnName, slots: parameters.map((key, index) => ({ key, index })), nameIndex };
  }
  if (fn.type === 'method_declaration' && name.type === 'selector_expression') return constructorWrapper(fn, name, dir, filePath, context);
  return null;
}

/** `func (t *impl) m() { mcp.NewTool(t.name, ...) }` with `func New(name string, ...) *impl { return &impl{name: name} }`. */
function constructorWrapper(method: Node, name: GoSyntax, dir: string, filePath: string, context: ExtractContext): Wrapper | null {
  const receiver = method.childForFieldName('receiver')?.namedChildren.find((n) => n?.type === 'parameter_declaration');
  const receiverName = receiver?.childForFieldName('name')?.text;
  const receiverType = receiver?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/s, '');
  const [operand, field] = [name.fields.operand?.text, name.fields.field?.text];
  if (!receiverName || !receiverType || operand !== receiverName || !field) return null;
  const files = context.tree.paths().filter((p) => p.endsWith('.go') && (p === filePath || p.slice(0, p.lastIndexOf('/')) === dir || (!p.includes('/') && !dir)));
  for (const path of files) {
    const found = context.parseFile(path, (root) => {
      for (const fn of root.descendantsOfType('function_declaration')) {
        const wrapper = fn && constructorSlots(fn, receiverName, receiverType, field, dir);
        if (wrapper) return wrapper;
      }
      return null;
    });
    if (found) return found;
  }
  return null;
}

function constructorSlots(fn: Node, receiver: string, type: string, field: string, dir: string): Wrapper | null {
  const parameters = parameterNames(fn);
  for (const literal of fn.descendantsOfType('composite_literal')) {
    const literalType = literal?.childForFieldName('type')?.text.replace(/\[.*$/s, '');
    if (!literal || literalType !== type) continue;
    const slots: Wrapper['slots'] = [];
    for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
      if (element?.type !== 'keyed_element') continue;
      const key = element.namedChildren[0]?.text ?? '';
      const value = element.namedChildren[1]?.text ?? '';
      const index = parameters.indexOf(value);
      if (index >= 0) slots.push({ key: `${receiver}.${key}`, index });
    }
    const nameSlot = slots.find((s) => s.key === `${receiver}.${field}`);
    const fnName = fn.childForFieldName('name')?.text;
    if (nameSlot && fnName) return { dir, name: fnName, slots, nameIndex: nameSlot.index };
  }
  return null;
}

function expand(wrapper: Wrapper, pkg: GoPackage, context: ExtractContext, depth: number): WrapperSite[] {
  const sites: WrapperSite[] = [];
  for (const site of callSitesOf(wrapper.dir, wrapper.name, context)) {
    const nameArg = site.args[wrapper.nameIndex];
    if (!nameArg) continue;
    const outer = site.enclosing;
    const nameValue = evaluateString(nameArg, site.pkg);
    const forwarded = outer && nameArg.type === 'identifier' ? outer.parameters.indexOf(nameArg.text) : -1;
    if (!nameValue.known && forwarded >= 0 && outer && depth < MAX_DEPTH) {
      // The call sits in another wrapper that passes its own parameter through: go one level up.
      const up: Wrapper = { dir: outer.dir, name: outer.name, slots: outer.parameters.map((key, index) => ({ key, index })), nameIndex: forwarded };
      for (const upper of expand(up, site.pkg, context, depth + 1)) {
        sites.push({ ...upper, bound: bind(pkg, wrapper, site.args, upper.bound), conditions: [...upper.conditions, ...site.conditions] });
      }
      continue;
    }
    sites.push({ file: site.file, line: nameArg.line, bound: bind(pkg, wrapper, site.args, site.pkg), conditions: site.conditions, site, depth });
  }
  return sites;
}

/** The wrapper's package seen from inside one call: each parameter stands for its argument's value. */
function bind(pkg: GoPackage, wrapper: Wrapper, args: GoSyntax[], callerPkg: GoPackage): GoPackage {
  const constants = new Map(pkg.constants);
  for (const { key, index } of wrapper.slots) {
    const arg = args[index];
    if (!arg) continue;
    const flag = evaluateBool(arg, callerPkg);
    if (flag !== null) {
      constants.set(key, { type: flag ? 'true' : 'false', text: String(flag), line: arg.line, endLine: arg.endLine, children: [], fields: {} });
      continue;
    }
    constants.set(key, { type: 'bound_value', text: arg.text, line: arg.line, endLine: arg.endLine, children: [], fields: {}, value: evaluateString(arg, callerPkg) });
  }
  return { ...pkg, constants };
}
