import { describe, expect, it } from 'vitest';
import { assessServer } from '../../crawler/classify/server/index.ts';
import type { Classification, Risk } from '../../crawler/model/classification.ts';
import type { Tool } from '../../crawler/model/tool.ts';

function entry(name: string, risk: Risk, overrides: Partial<Classification> = {}, toolOverrides: Partial<Tool> = {}) {
  const tool: Tool = {
    server: '.', name, nameResolved: true, title: null, description: null, descriptionResolved: 'none', inputSchema: null,
    annotations: null, annotationsOrigin: {}, file: 'src/index.ts', line: 1, sdk: 'typescript', style: 'registerTool',
    conditions: [], confidence: 1, handler: null, ...toolOverrides,
  };
  const classification: Classification = { category: 'read', policyLayerCategory: 'Read', risk, tags: [], confidence: 0.9, rules: [], findings: [], rationale: '', ...overrides };
  return { tool, classification };
}

const readFile = entry('read_file', 'medium', { tags: ['filesystem', 'private-data'], rules: ['readsPrivateData'] });
const fetchUrl = entry('fetch', 'high', { category: 'network', tags: ['network'], rules: ['fetchesArbitraryUrl'] });
const listIssues = entry('list_issues', 'low', { rules: ['onlyReadsData'] });
const sendEmail = entry('send_email', 'high', { category: 'communicate', tags: ['messaging'], rules: ['sendsMessages'] });
const getTime = entry('get_time', 'low', { rules: ['onlyComputes'] });

describe('assessServer', () => {
  it('finds the trifecta in a file reader, an issue reader and a mail sender, naming each leg', () => {
    const result = assessServer([sendEmail, listIssues, readFile]);
    expect(result.trifecta).toEqual({ present: true, privateData: ['read_file'], untrustedContent: ['list_issues'], externalCommunication: ['send_email'] });
    expect(result.notes[0]).toMatch(/^Lethal trifecta: private data from read_file; untrusted content from list_issues; external communication through send_email\./);
  });

  it('counts a URL fetcher as untrusted content and external communication at once', () => {
    const result = assessServer([readFile, fetchUrl]);
    expect(result.trifecta).toEqual({ present: true, privateData: ['read_file'], untrustedContent: ['fetch'], externalCommunication: ['fetch'] });
  });

  it('reports no trifecta when two legs are there and the third is not', () => {
    const result = assessServer([readFile, listIssues, getTime]);
    expect(result.trifecta.present).toBe(false);
    expect(result.trifecta.externalCommunication).toEqual([]);
    expect(result.notes).toEqual(['No lethal trifecta: no tool communicates externally.']);
  });

  it('lets one shell tool cover all three legs by itself', () => {
    const result = assessServer([entry('execute_command', 'critical', { category: 'execute', tags: ['shell'], rules: ['runsShellCommand'] })]);
    expect(result.trifecta).toEqual({ present: true, privateData: ['execute_command'], untrustedContent: ['execute_command'], externalCommunication: ['execute_command'] });
    expect(result.notes).toContain('execute_command covers all three by itself (runsShellCommand: arbitrary commands or code can read files, fetch content and send requests).');
    expect(result.risk).toBe('critical');
  });

  it('raises a server of medium tools to high when they form the trifecta', () => {
    const comment = entry('add_issue_comment', 'medium', { category: 'communicate', tags: ['messaging'], rules: ['sendsMessages'] });
    const inbox = entry('search_inbox', 'medium', { tags: ['messaging', 'private-data'], rules: ['readsPrivateData'] });
    const result = assessServer([comment, inbox]);
    expect(result.trifecta).toEqual({ present: true, privateData: ['search_inbox'], untrustedContent: ['search_inbox'], externalCommunication: ['add_issue_comment'] });
    expect(result.risk).toBe('high');
    expect(result.counts).toEqual({ low: 0, medium: 2, high: 0, critical: 0 });
    expect(result.notes).toContain('Server risk raised from medium to high for the trifecta.');
  });

  it('treats creating a pull request as publishing, but not updating a task status', () => {
    const createPr = entry('create_pull_request', 'medium', { category: 'write', rules: ['changesData'] });
    const setStatus = entry('update_task_status', 'medium', { category: 'write', rules: ['changesData'] });
    expect(assessServer([readFile, listIssues, setStatus]).trifecta.present).toBe(false);
    expect(assessServer([readFile, listIssues, createPr]).trifecta.externalCommunication).toEqual(['create_pull_request']);
  });

  it('does not count a mail sender as reading untrusted mail', () => {
    expect(assessServer([sendEmail]).trifecta.untrustedContent).toEqual([]);
  });

  it('takes an openWorldHint only when the author wrote it', () => {
    const search = (origin: 'explicit' | 'sdk-default') => entry('search', 'low', { rules: ['onlyReadsData'] }, { annotations: { openWorldHint: true }, annotationsOrigin: { openWorldHint: origin } });
    expect(assessServer([search('explicit')]).trifecta.untrustedContent).toEqual(['search']);
    expect(assessServer([search('sdk-default')]).trifecta.untrustedContent).toEqual([]);
  });

  it('gives the same result whatever the order of the tools', () => {
    const tools = [sendEmail, listIssues, readFile, fetchUrl, getTime];
    expect(JSON.stringify(assessServer([...tools].reverse()))).toBe(JSON.stringify(assessServer(tools)));
  });

  it('says when unclassified tools may hide a leg, and rates an empty server low', () => {
    expect(assessServer([entry('frobnicate', 'medium', { category: 'unknown' })]).notes).toContain('Unclassified tools (frobnicate) may add legs this assessment cannot see.');
    expect(assessServer([])).toEqual({ risk: 'low', counts: { low: 0, medium: 0, high: 0, critical: 0 }, trifecta: { present: false, privateData: [], untrustedContent: [], externalCommunication: [] }, notes: [] });
  });
});
