import { describe, expect, it } from 'vitest';
import { encodeRepoPath, isSafeSlug, repositoryUrl, riskHref, serverHref, sourceUrl, toolHref, treeUrl } from '../../site/src/lib/links.ts';

const repo = { url: 'https://github.com/shibing624/mcp-run-python-code', commit: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39' };

describe('source links', () => {
  it('point at the exact line at the crawled commit', () => {
    expect(sourceUrl(repo, 'run_python_code/mcp_server.py', 27)).toBe(
      'https://github.com/shibing624/mcp-run-python-code/blob/3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39/run_python_code/mcp_server.py#L27',
    );
  });

  it('encode each path segment and drop a leading ./', () => {
    expect(sourceUrl(repo, './src/my file#1.ts', 3)).toBe(`${repo.url}/blob/${repo.commit}/src/my%20file%231.ts#L3`);
  });

  it('are not made for local folders, bad commits, or paths that climb out', () => {
    expect(sourceUrl({ url: null, commit: null }, 'server.ts', 3)).toBeNull();
    expect(sourceUrl({ url: repo.url, commit: 'main"><script>' }, 'server.ts', 3)).toBeNull();
    expect(sourceUrl(repo, '../../etc/passwd', 1)).toBeNull();
    expect(sourceUrl(repo, 'src//x.ts', 1)).toBeNull();
  });

  it('link the server folder at the commit, or the repository without one', () => {
    expect(treeUrl(repo, 'src/filesystem')).toBe(`${repo.url}/tree/${repo.commit}/src/filesystem`);
    expect(treeUrl(repo, '.')).toBe(`${repo.url}/tree/${repo.commit}`);
    expect(treeUrl({ url: repo.url, commit: null }, 'src')).toBe(repo.url);
  });
});

describe('repository URLs', () => {
  it('keep plain https URLs, without .git, query or fragment', () => {
    expect(repositoryUrl('https://github.com/owner/name.git')).toBe('https://github.com/owner/name');
    expect(repositoryUrl('https://github.com/owner/name/?x=1#y')).toBe('https://github.com/owner/name');
  });

  it('refuse other schemes, credentials and markup', () => {
    for (const url of ['javascript:alert(1)', 'http://github.com/o/n', 'data:text/html,<script>', 'https://user:pw@github.com/o/n', 'https://github.com', 'not a url', '', null]) {
      expect(repositoryUrl(url), String(url)).toBeNull();
    }
  });
});

describe('site paths', () => {
  it('accept slugs the store makes and refuse anything that could leave a folder', () => {
    expect(isSafeSlug('modelcontextprotocol-servers-src-filesystem')).toBe(true);
    expect(isSafeSlug('policies.create')).toBe(true);
    for (const slug of ['..', '.', '', 'a/b', '<script>', '-x', 'a b']) expect(isSafeSlug(slug), slug).toBe(false);
  });

  it('are built with encoded segments and trailing slashes', () => {
    expect(toolHref('srv', 'run_python_code')).toBe('/tools/srv/run_python_code/');
    expect(serverHref('srv')).toBe('/servers/srv/');
    expect(riskHref('high')).toBe('/risk/high/');
    expect(riskHref('high', 3)).toBe('/risk/high/3/');
  });

  it('encode a repository path or refuse it', () => {
    expect(encodeRepoPath('a/b c.py')).toBe('a/b%20c.py');
    expect(encodeRepoPath('')).toBeNull();
    expect(encodeRepoPath('/abs')).toBeNull();
  });
});
