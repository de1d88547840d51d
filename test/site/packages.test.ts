import { describe, expect, it } from 'vitest';
import type { Server } from '../../site/src/lib/catalog.ts';
import { toPackages } from '../../site/src/lib/packages.ts';
import { serverFacts } from '../../site/src/render/server-facts.ts';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function server(packages: string): Server {
  return {
    id: 1, slug: 'acme-notes', name: 'notes', path: '.', language: 'TypeScript', sdk: 'ts-mcp-sdk', sdkVersion: '1.17.0',
    repository: { fullName: 'acme/notes', source: 'git', url: 'https://github.com/acme/notes', commit: COMMIT, stars: null, language: null, description: null, crawledAt: '2026-12-01T00:00:00.000Z' },
    treeUrl: `https://github.com/acme/notes/tree/${COMMIT}`,
    packages: toPackages(packages),
  };
}

describe('a server page names the packages its manifests publish', () => {
  it('links npm, PyPI, crates.io and NuGet packages to their registry pages, and shows OCI images unlinked', () => {
    const links = toPackages(JSON.stringify([
      { registry: 'npm', name: '@acme/notes-mcp' }, { registry: 'pypi', name: 'acme-notes' }, { registry: 'crates', name: 'notes_mcp' },
      { registry: 'nuget', name: 'Acme.Notes' }, { registry: 'oci', name: 'ghcr.io/acme/notes:1.0' },
    ]));
    expect(links.map((p) => [p.label, p.name, p.url])).toEqual([
      ['npm', '@acme/notes-mcp', 'https://www.npmjs.com/package/%40acme/notes-mcp'],
      ['PyPI', 'acme-notes', 'https://pypi.org/project/acme-notes/'],
      ['crates.io', 'notes_mcp', 'https://crates.io/crates/notes_mcp'],
      ['NuGet', 'Acme.Notes', 'https://www.nuget.org/packages/Acme.Notes'],
      ['OCI', 'ghcr.io/acme/notes:1.0', null],
    ]);
  });

  it('drops what is not a list of names, and never lets a name out of its path segment or its tag', () => {
    expect(toPackages('{"registry":"npm"}')).toEqual([]);
    expect(toPackages('not json')).toEqual([]);
    expect(toPackages(JSON.stringify([{ registry: 'npm' }, { registry: 'npm', name: 42 }, 'x', null]))).toEqual([]);
    const [hostile] = toPackages(JSON.stringify([{ registry: 'pypi', name: '../../"><script>alert(1)</script>' }]));
    expect(hostile.url).toBe('https://pypi.org/project/..%2F..%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/');

    const page = serverFacts(server(JSON.stringify([{ registry: 'pypi', name: '"><img src=x onerror=alert(1)>' }]))).value;

    expect(page).not.toContain('<img');
    expect(page).toContain('<dt>Packages</dt>');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the repository, the commit and the packages together, and no Packages row without any', () => {
    const page = serverFacts(server(JSON.stringify([{ registry: 'npm', name: '@acme/notes-mcp' }]))).value;
    expect(page).toContain('<a href="https://github.com/acme/notes" rel="nofollow noopener noreferrer">acme/notes</a>');
    expect(page).toContain(`<code title="${COMMIT}">${COMMIT.slice(0, 12)}</code>`);
    expect(page).toContain('<a href="https://www.npmjs.com/package/%40acme/notes-mcp" rel="nofollow noopener noreferrer"><code>@acme/notes-mcp</code></a>');
    expect(serverFacts(server('[]')).value).not.toContain('Packages');
  });
});
