/**
 * The vocabulary the signals are built from. Words are grouped by what the action does to the world,
 * never by tool: a rule asks "is there a delete verb?", not "is the tool called delete_file?".
 */
export type Effect =
  | 'read' | 'compute' | 'create' | 'update' | 'session' | 'delete'
  | 'run' | 'install' | 'send' | 'pay';

const EFFECT_VERBS: Record<Effect, string[]> = {
  read: [
    'get', 'list', 'read', 'search', 'find', 'show', 'describe', 'view', 'lookup', 'check', 'poll',
    'inspect', 'count', 'retrieve', 'query', 'select', 'open', 'print', 'diff', 'explain', 'summarize',
    'preview', 'browse', 'watch', 'scan', 'analyze', 'analyse', 'fetch', 'return', 'load', 'export', 'dump',
    'display', 'detect', 'identify', 'resolve', 'extract', 'parse', 'validate', 'verify', 'estimate',
    'measure', 'compare', 'recommend', 'suggest', 'translate', 'capture', 'screenshot', 'query', 'grep',
    'tail', 'cat', 'stat', 'peek', 'discover', 'explore', 'lint',
  ],
  compute: [
    'echo', 'convert', 'calculate', 'compute', 'sum', 'format', 'generate', 'simulate', 'demonstrate',
    'sample', 'think', 'encode', 'decode', 'hash', 'sleep', 'wait', 'ping', 'plan', 'reason', 'transform',
    'multiply', 'divide', 'subtract',
  ],
  create: [
    'create', 'add', 'insert', 'new', 'make', 'register', 'upload', 'import', 'save', 'store', 'put',
    'write', 'append', 'record', 'commit', 'stage', 'relate', 'link', 'attach', 'copy', 'clone',
    'duplicate', 'init', 'initialize', 'apply', 'assign', 'download', 'build', 'upsert', 'compress',
    'zip', 'gzip', 'extract', 'bookmark',
  ],
  update: [
    'update', 'edit', 'modify', 'change', 'set', 'patch', 'rename', 'move', 'replace', 'toggle',
    'enable', 'disable', 'configure', 'reset', 'restore', 'checkout', 'switch', 'mark', 'reschedule',
    'schedule', 'cancel', 'archive', 'unarchive', 'pause', 'resume', 'start', 'stop', 'restart', 'close',
    'lock', 'unlock', 'approve', 'reject', 'sync', 'push', 'pull', 'finalize', 'complete', 'unstage',
    'merge', 'rebase', 'connect', 'rotate', 'grant', 'overwrite', 'deploy', 'provision', 'scale',
    'submit', 'fill', 'click', 'type', 'navigate', 'press', 'hover', 'drag', 'upgrade', 'publish',
  ],
  session: ['use', 'disconnect', 'focus'],
  delete: [
    'delete', 'remove', 'destroy', 'drop', 'purge', 'erase', 'wipe', 'truncate', 'clear', 'unlink',
    'rm', 'trash', 'revoke', 'uninstall', 'terminate', 'kill', 'rmdir', 'unregister',
  ],
  run: ['run', 'execute', 'exec', 'eval', 'evaluate', 'invoke', 'spawn', 'launch'],
  install: ['install'],
  send: [
    'send', 'email', 'mail', 'notify', 'reply', 'forward', 'broadcast', 'tweet', 'dm', 'invite',
    'post', 'comment', 'react', 'message', 'sms', 'text', 'respond', 'announce',
  ],
  pay: [
    'pay', 'refund', 'charge', 'transfer', 'payout', 'withdraw', 'purchase', 'buy', 'sell', 'trade',
    'deposit', 'tip', 'donate', 'swap', 'checkout',
  ],
};

/** Words that are verbs in a name but nouns in prose; only the name position counts for these. */
const NAME_ONLY_VERBS = new Set(['message', 'text', 'email', 'mail', 'post', 'comment', 'record', 'link', 'stage', 'type', 'return', 'set', 'sample', 'plan', 'format', 'checkout', 'stat', 'cat', 'tail', 'watch', 'new', 'store', 'put', 'tip', 'use', 'zip', 'extract']);

/** Verbs that mean a different effect depending on the position; the first listed effect wins. */
const VERB_EFFECT = new Map<string, Effect>();
for (const effect of Object.keys(EFFECT_VERBS) as Effect[]) {
  for (const verb of EFFECT_VERBS[effect]) if (!VERB_EFFECT.has(verb)) VERB_EFFECT.set(verb, effect);
}
// "checkout" is a git verb far more often than a shop verb in MCP servers.
VERB_EFFECT.set('checkout', 'update');

/** The effect of a verb, accepting third-person forms from prose ("Fetches", "Echoes", "Lists"). */
export function verbEffect(word: string, position: 'name' | 'text'): { verb: string; effect: Effect; base: boolean } | null {
  for (const candidate of verbForms(word)) {
    const effect = VERB_EFFECT.get(candidate);
    if (!effect) continue;
    if (position === 'text' && NAME_ONLY_VERBS.has(candidate) && candidate === word) continue;
    return { verb: candidate, effect, base: candidate === word };
  }
  return null;
}

function verbForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

export const MUTATING_EFFECTS: readonly Effect[] = ['create', 'update', 'delete', 'run', 'install', 'send', 'pay'];

/** Nouns whose contents are private: mail, messages, personal and financial records, secrets. */
export const PRIVATE_NOUNS: Record<string, 'private-data' | 'secrets' | 'messaging' | 'payments' | 'database'> = {
  email: 'messaging', emails: 'messaging', mail: 'messaging', inbox: 'messaging', messages: 'messaging',
  attachment: 'messaging', attachments: 'messaging', conversation: 'messaging', conversations: 'messaging',
  thread: 'messaging', threads: 'messaging', chat: 'messaging', chats: 'messaging', dm: 'messaging', dms: 'messaging',
  contact: 'private-data', contacts: 'private-data', customer: 'private-data', customers: 'private-data',
  user: 'private-data', users: 'private-data', profile: 'private-data', profiles: 'private-data',
  person: 'private-data', people: 'private-data', employee: 'private-data', employees: 'private-data',
  patient: 'private-data', patients: 'private-data', calendar: 'private-data', events: 'private-data',
  logs: 'private-data', history: 'private-data', notes: 'private-data', documents: 'private-data',
  env: 'secrets', environment: 'secrets', secret: 'secrets', secrets: 'secrets', password: 'secrets',
  passwords: 'secrets', token: 'secrets', tokens: 'secrets', credential: 'secrets', credentials: 'secrets',
  balance: 'payments', balances: 'payments', invoice: 'payments', invoices: 'payments', payment: 'payments',
  payments: 'payments', subscription: 'payments', subscriptions: 'payments', dispute: 'payments',
  disputes: 'payments', transaction: 'payments', transactions: 'payments', charges: 'payments',
  payouts: 'payments', orders: 'payments', refunds: 'payments', statement: 'payments', statements: 'payments',
  record: 'database', records: 'database', row: 'database', rows: 'database',
};

/**
 * Head nouns that name metadata rather than contents: "list contact properties" reads the schema of
 * contacts, not the contacts.
 */
export const METADATA_NOUNS = new Set([
  'property', 'properties', 'segment', 'segments', 'topic', 'topics', 'info', 'information', 'status',
  'metadata', 'count', 'counts', 'tree', 'schema', 'schemas', 'settings', 'types', 'type', 'categories',
  'category', 'fields', 'field', 'names', 'ids', 'stats', 'statistics', 'size', 'sizes', 'tags', 'labels',
  'templates', 'template', 'columns', 'tables', 'table', 'keys',
]);

/** Words that introduce a second word naming a credential ("api key", "ssh key", "access token"). */
export const CREDENTIAL_QUALIFIERS = new Set(['api', 'access', 'ssh', 'secret', 'private', 'signing', 'deploy', 'gpg', 'auth', 'personal', 'service']);
export const PERMISSION_NOUNS = new Set([
  'permission', 'permissions', 'role', 'roles', 'iam', 'acl', 'acls', 'collaborator', 'collaborators',
  'credential', 'credentials', 'password', 'passwords', 'token', 'tokens', 'secret', 'secrets', 'apikey',
  'apikeys', 'privilege', 'privileges', 'grant', 'grants', '2fa', 'mfa', 'sso', 'oauth', 'membership',
  'rbac', 'rolebinding', 'clusterrole', 'serviceaccount', 'sharing',
]);

/** Things that, when created, paused or deployed, cost money or availability. */
export const INFRASTRUCTURE_NOUNS = new Set([
  'instance', 'instances', 'cluster', 'clusters', 'vm', 'vms', 'server', 'servers', 'deployment',
  'deployments', 'droplet', 'droplets', 'pod', 'pods', 'stack', 'stacks', 'infrastructure', 'machine',
  'machines', 'lambda', 'volume', 'volumes', 'bucket', 'buckets', 'container', 'containers', 'manifest',
  'manifests', 'kubernetes', 'k8s', 'kubectl', 'helm', 'terraform',
]);

/** Configuration that decides how a service behaves but holds no user data. */
export const CONFIGURATION_NOUNS = new Set(['domain', 'domains', 'dns', 'setting', 'settings', 'config', 'configuration', 'preferences', 'redirect', 'redirects', 'route', 'routes', 'feature', 'flag', 'flags']);

/** Things that deliver events or data to a URL the caller picks. */
export const DELIVERY_NOUNS = new Set(['webhook', 'webhooks', 'callback', 'callbacks', 'forwarding', 'hook', 'hooks']);

export const FILE_NOUNS = new Set(['file', 'files', 'directory', 'directories', 'folder', 'folders', 'dir', 'path', 'paths']);

/** Nouns that turn a leading verb into a modifier: "refund_eligibility", "delete_preview", "deploy_status". */
export const QUERY_NOUNS = new Set(['eligibility', 'status', 'info', 'details', 'history', 'summary', 'report', 'estimate', 'preview', 'stats', 'options', 'limits', 'check', 'eligible', 'allowed', 'permitted']);

/** Values a tool composes and returns rather than stores: "build the URL", "format a string". */
export const VALUE_NOUNS = new Set(['url', 'urls', 'uri', 'uris', 'string', 'strings', 'slug', 'slugs', 'filename', 'regex', 'expression', 'permalink']);
