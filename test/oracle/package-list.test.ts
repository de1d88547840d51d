import { describe, expect, it } from 'vitest';
import { parsePackageList, parseSettings, readOracleList, settingsOf } from '../../bench/oracle/package-list.ts';

describe('the oracle package list', () => {
  it('reads one registry and name a line, skipping comments and blank lines', () => {
    const text = '# servers\nnpm @acme/notes-mcp\n\npypi acme-notes-mcp\nnpm plain-server  \n';
    expect(parsePackageList(text, 'packages.txt')).toEqual([
      { registry: 'npm', name: '@acme/notes-mcp' },
      { registry: 'pypi', name: 'acme-notes-mcp' },
      { registry: 'npm', name: 'plain-server' },
    ]);
  });

  it('names the file and line of an unknown registry', () => {
    expect(() => parsePackageList('npm a\ncargo acme-notes\n', 'packages.txt')).toThrow('packages.txt:2: unknown registry "cargo" (npm or pypi)');
  });

  it('refuses a name npm would not accept, and a line that is not two words', () => {
    expect(() => parsePackageList('npm Acme/Notes\n', 'list')).toThrow('list:1: "Acme/Notes" is not a valid npm package name');
    expect(() => parsePackageList('npm acme notes\n', 'list')).toThrow('list:1: expected "npm NAME" or "pypi NAME"');
  });

  it('refuses a package listed twice, naming both lines', () => {
    expect(() => parsePackageList('npm acme\npypi acme\nnpm acme\n', 'list')).toThrow('list:3: npm acme is already listed on line 1');
  });

  it('the list in the repository parses and holds every npm and PyPI server', () => {
    const { packages, settings } = readOracleList('bench/oracle/packages.txt', 'bench/oracle/packages.json');
    expect(packages.filter((pkg) => pkg.registry === 'pypi').length).toBe(55);
    expect(packages.length).toBeGreaterThan(150);
    for (const pkg of packages) {
      const own = settingsOf(settings, pkg);
      if (own) expect(own.note.length).toBeGreaterThan(10);
    }
  });
});

describe('per-package settings', () => {
  const packages = parsePackageList('npm @acme/notes-mcp\npypi acme-notes-mcp\n', 'list');

  it('reads args and placeholder env per registry and package', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'README: "Set NOTES_TOKEN"', args: ['--stdio'], env: { NOTES_TOKEN: 'placeholder' } } } });
    const settings = parseSettings(text, 'packages.json', packages);
    expect(settingsOf(settings, packages[0])).toEqual({ note: 'README: "Set NOTES_TOKEN"', args: ['--stdio'], env: { NOTES_TOKEN: 'placeholder' } });
    expect(settingsOf(settings, packages[1])).toBeNull();
  });

  it('requires a note saying where the names were found', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { env: { NOTES_TOKEN: 'x' } } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow(/packages\.json: bad package settings:[\s\S]*note/);
  });

  it('refuses an unknown field, so a misspelt one is not silently ignored', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'README', argv: ['--stdio'] } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow(/argv/);
  });

  it('refuses an environment name a shell would not accept', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'README', env: { 'NOTES-TOKEN': 'x' } } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow(/packages\.json: bad package settings:[\s\S]*Invalid key[\s\S]*NOTES-TOKEN/);
  });

  it('refuses a placeholder file outside the home folder', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'README', files: { '../.ssh/config': 'x' } } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow(/not a relative path inside the home folder/);
    const absolute = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'README', files: { '/etc/notes.json': 'x' } } } });
    expect(() => parseSettings(absolute, 'packages.json', packages)).toThrow(/not a relative path inside the home folder/);
  });

  it('asks for an exact Node.js release when a server needs another one', () => {
    const text = JSON.stringify({ npm: { '@acme/notes-mcp': { note: 'its error: requires Node.js 22', node: '22' } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow(/not an exact Node\.js version/);
  });

  it('refuses settings for a package the list does not hold', () => {
    const text = JSON.stringify({ pypi: { 'acme-notes': { note: 'README' } } });
    expect(() => parseSettings(text, 'packages.json', packages)).toThrow('packages.json: settings for pypi acme-notes, which the package list does not hold');
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseSettings('{ npm: ', 'packages.json', packages)).toThrow(/^packages\.json: not JSON/);
  });
});
