import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../crawler/fetch/source-tree.ts';
import { serverPackages } from '../../crawler/pipeline/packages.ts';

describe('the packages a server is published as, read from its manifests', () => {
  it('names npm, PyPI, crates.io, NuGet and the server.json packages (OCI among them) of the server folder only', () => {
    const tree = memoryTree('fixture', {
      'servers/notes/package.json': '{"name":"@acme/notes-mcp","version":"1.0.0"}',
      'servers/notes/pyproject.toml': '[project]\nname = "acme-notes"\n',
      'servers/notes/Cargo.toml': '[package]\nname = "notes_mcp"\nversion = "0.1.0"\n',
      'servers/notes/Notes.csproj': '<Project><PropertyGroup><PackageId>Acme.Notes</PackageId></PropertyGroup></Project>',
      'servers/notes/server.json': JSON.stringify({ name: 'io.github.acme/notes', packages: [
        { registryType: 'oci', identifier: 'ghcr.io/acme/notes:1.0' }, { registry_name: 'npm', name: '@acme/notes-mcp' },
      ] }),
      'package.json': '{"name":"acme-monorepo"}',
      'servers/other/package.json': '{"name":"other"}',
    });

    expect(serverPackages(tree, 'servers/notes')).toEqual([
      { registry: 'crates', name: 'notes_mcp' },
      { registry: 'npm', name: '@acme/notes-mcp' },
      { registry: 'nuget', name: 'Acme.Notes' },
      { registry: 'oci', name: 'ghcr.io/acme/notes:1.0' },
      { registry: 'pypi', name: 'acme-notes' },
    ]);
  });

  it('leaves out private npm packages, crates that are not published, and names no registry accepts', () => {
    const tree = memoryTree('fixture', {
      'package.json': '{"name":"internal","private":true}',
      'Cargo.toml': '[package]\nname = "local"\npublish = false\n',
      'pyproject.toml': '[project]\nname = "bad name<script>"\n',
      'server.json': '{"packages":[{"registryType":"npm","identifier":"../../etc"},{"registryType":"oci"}]}',
    });

    expect(serverPackages(tree, '.')).toEqual([]);
  });

  it('ignores manifests that do not parse', () => {
    const tree = memoryTree('fixture', { 'package.json': '{"name":', 'pyproject.toml': '[project\nname=', 'server.json': '[' });
    expect(serverPackages(tree, '.')).toEqual([]);
  });
});
