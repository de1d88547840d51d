import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordPackage } from '../../bench/oracle/record-package.ts';
import { serializeInventory } from '../../bench/oracle/inventory.ts';

const fixture = resolve('test/fixtures/oracle-tiny-server');
const asRoot = process.getuid?.() === 0;
const pkg = { registry: 'npm' as const, name: 'oracle-tiny-server' };

// Network namespaces need root here (or unprivileged user namespaces, which CI may not allow).
describe.skipIf(!asRoot)('recording a server of our own through the real recorder path', () => {
  it('installs it, starts it in the sandbox, sets the setting its error asks for, and records its tools', async () => {
    process.env.GITHUB_TOKEN = 'a-secret-of-this-machine';
    const inventory = await recordPackage(pkg, null, { version: null, timeoutSeconds: 60, today: '2026-01-02', source: fixture });
    delete process.env.GITHUB_TOKEN;

    expect(inventory.failure).toBeNull();
    expect(inventory.outcome).toBe('listed');
    expect(inventory.version).toBe('1.2.3');
    expect(inventory.family).toBe('@modelcontextprotocol/sdk');
    expect(inventory.server).toEqual({ name: 'tiny-notes', version: '1.2.3' });
    expect(inventory.started.envFromErrors).toEqual(['TINY_NOTES_TOKEN']);
    expect(inventory.tools.map((tool) => tool.name)).toEqual(['add_note', 'sandbox_report']);

    const addNote = inventory.tools[0];
    expect(addNote.title).toBe('Add a note');
    expect(addNote.description).toBe('Adds a note to the notebook.');
    expect(Object.keys(addNote.inputSchema.properties as object).sort()).toEqual(['pinned', 'text']);
    expect(addNote.annotations).toEqual({ readOnlyHint: false, destructiveHint: false });

    // What the server could see of its sandbox: not root, an empty home, only our variables, no network.
    const report = inventory.tools[1].description ?? '';
    expect(report).toMatch(/uid=65534 /);
    expect(report).toMatch(/ env=HOME,PATH,TINY_NOTES_TOKEN,TMPDIR /);
    expect(report).not.toContain('GITHUB_TOKEN');
    expect(report).toMatch(/interfaces=(lo)?$/);

    // Written in a stable key order: fields as declared, schema keys sorted; a re-write changes nothing.
    const text = serializeInventory(inventory);
    expect(text.indexOf('"registry"')).toBeLessThan(text.indexOf('"tools"'));
    expect(text.indexOf('"pinned"')).toBeLessThan(text.indexOf('"text"'));
    expect(serializeInventory(JSON.parse(text))).toBe(text);
  });

  it('keeps the tools of an answer the SDK\'s schema rejects, and says where it breaks it', async () => {
    const settings = { note: 'test: the fixture answering as an old SDK would', env: { TINY_NOTES_TOKEN: 'placeholder', TINY_NOTES_LEGACY: '1' } };
    const inventory = await recordPackage(pkg, settings, { version: null, timeoutSeconds: 60, today: '2026-01-02', source: fixture });
    expect(inventory.outcome).toBe('listed');
    expect(inventory.tools).toEqual([{ name: 'legacy_note', title: null, description: 'A tool from an old SDK.', inputSchema: { properties: { id: { type: 'string' } } }, annotations: null }]);
    expect(inventory.sdkSchemaIssues).toEqual(['tools.0.inputSchema.type: Invalid input: expected "object"']);
    expect(inventory.started.envFromErrors).toEqual([]);
  });

  it('records a package whose named executable does not exist as not startable, naming it', async () => {
    const settings = { note: 'test: a wrong executable name', bin: 'not-there' };
    const inventory = await recordPackage(pkg, settings, { version: null, timeoutSeconds: 30, today: '2026-01-02', source: fixture });
    expect(inventory.outcome).toBe('failed');
    expect(inventory.failure?.class).toBe('not-a-server');
    expect(inventory.failure?.reason).toContain('not-there');
  });
});
