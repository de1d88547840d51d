import type { Classification, Risk } from '../../crawler/model/classification.ts';
import type { Tool } from '../../crawler/model/tool.ts';

export function classified(risk: Risk, overrides: Partial<Classification> = {}): Classification {
  return { category: 'read', policyLayerCategory: 'Read', risk, tags: [], confidence: 0.9, rules: [], findings: [], rationale: '', ...overrides };
}

/** A tool as the extractor gives it; `properties` become the input schema, `required` its required list. */
export function tool(name: string, properties: Record<string, { type: string; enum?: unknown[] }> | null, required: string[] = []): Tool {
  return {
    server: '.', name, nameResolved: true, title: null, description: null, descriptionResolved: 'none',
    inputSchema: properties ? { type: 'object', properties, required } : null,
    annotations: null, annotationsOrigin: {}, file: 'src/index.ts', line: 1, sdk: 'typescript', style: 'registerTool',
    conditions: [], confidence: 1, handler: null,
  };
}

/** One tool per risk level and per kind of argument rule, as a user would meet them. */
export const CASES: { label: string; tool: Tool; classification: Classification }[] = [
  { label: 'a low-risk lookup', tool: tool('get_current_time', { timezone: { type: 'string' } }, ['timezone']), classification: classified('low') },
  { label: 'a medium file reader with a file_path', tool: tool('read_text_file', { file_path: { type: 'string' }, head: { type: 'number' } }, ['file_path']), classification: classified('medium', { tags: ['filesystem', 'private-data'], rules: ['readsPrivateData'] }) },
  { label: 'a high file writer with a path and content', tool: tool('write_file', { path: { type: 'string' }, content: { type: 'string' } }, ['path', 'content']), classification: classified('high', { category: 'write', tags: ['filesystem'], rules: ['writesFiles'] }) },
  { label: 'a high URL fetcher', tool: tool('fetch', { url: { type: 'string' }, max_length: { type: 'integer' } }, ['url']), classification: classified('high', { category: 'network', tags: ['network'], rules: ['fetchesArbitraryUrl'] }) },
  { label: 'a browser navigator with a targetUrl', tool: tool('browser_navigate', { targetUrl: { type: 'string' } }, ['targetUrl']), classification: classified('high', { category: 'network', tags: ['browser'], rules: ['drivesBrowser'] }) },
  { label: 'a medium SQL tool with sql', tool: tool('read_query', { sql: { type: 'string' } }, ['sql']), classification: classified('medium', { category: 'execute', tags: ['database'], rules: ['runsSqlQuery'] }) },
  { label: 'a payment link with unit_amount and a currency enum', tool: tool('create_payment_link', { unit_amount: { type: 'integer' }, currency: { type: 'string', enum: ['usd', 'eur'] } }, ['unit_amount', 'currency']), classification: classified('medium', { category: 'financial', tags: ['payments'], rules: ['createsPayableObject'] }) },
  { label: 'a billing change with an amount but a dotted name', tool: tool('invoices.create', { amount: { type: 'number' } }, ['amount']), classification: classified('high', { category: 'financial', tags: ['payments'], rules: ['changesBilling'] }) },
  { label: 'a tool whose schema could not be read', tool: tool('query', null), classification: classified('high', { category: 'execute', tags: ['database'], rules: ['runsSqlQuery'] }) },
  { label: 'a critical tool with a hostile name', tool: tool('</textarea><svg onload=alert(1)> "x": 1', { 'a b': { type: 'string' } }, ['a b']), classification: classified('critical') },
  { label: 'a critical shell tool', tool: tool('execute_command', { command: { type: 'string' } }, ['command']), classification: classified('critical', { category: 'execute', tags: ['shell'], rules: ['runsShellCommand'] }) },
  { label: 'a critical refund with an amount', tool: tool('create_refund', { amount: { type: 'integer' }, charge: { type: 'string' } }, ['charge']), classification: classified('critical', { category: 'financial', tags: ['payments'], rules: ['movesMoney'] }) },
];

/** Names and parameters a server author could choose against the policy; each must still get a policy that fails closed. */
export const HOSTILE_CASES: { label: string; tool: Tool; classification: Classification }[] = [
  { label: 'a low tool named *', tool: tool('*', null), classification: classified('low') },
  { label: 'a medium tool whose name holds a line feed', tool: tool('a.y\n  "rm":\n    rules: []', null), classification: classified('medium') },
  { label: 'a critical tool with an empty name', tool: tool('', null), classification: classified('critical') },
  { label: 'a critical tool whose name holds a lone surrogate', tool: tool('rm\ud800', null), classification: classified('critical') },
  { label: 'a low tool named __proto__ with a __proto__ parameter', tool: tool('__proto__', { ['__proto__']: { type: 'string' } }, ['__proto__']), classification: classified('low') },
  { label: 'a high file writer whose path parameter holds a dot', tool: tool('save_file', { 'dir.path': { type: 'string' } }, ['dir.path']), classification: classified('high', { category: 'write', tags: ['filesystem'], rules: ['writesFiles'] }) },
];
