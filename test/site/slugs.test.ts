import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isServerSlug, isSlug, readableSlug, serverSlug, toolSlugs } from '../../crawler/store/slug.ts';

/** Names as a hostile author may write them: any code point, lone surrogates included, and look-alikes of each other. */
const name = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 90 }),
  fc.constantFrom('_exec_shell', 'exec_shell', 'Exec_Shell', '__proto__', 'constructor', '..', '.', '-', '*', '', 'Tool', 'tool', 'TOOL', 'tool-2',
    'caf\u00e9', 'cafe\u0301', '工具', '🔥', 'a/b', 'a\\b', 'what?', '#top', '100%', 'line\nbreak', '\uD800', '\uDC00', 'index.html', 'x'.repeat(300)),
);
const SEED = 9;

/** A name's slug, as toolSlugs gives it among `names`. */
function slugOf(names: string[], target: string): string {
  return toolSlugs(names)[names.indexOf(target)];
}

describe('tool slugs', () => {
  it('are URL segments and folder names, all different, for any names a server declares', () => {
    fc.assert(fc.property(fc.array(name, { maxLength: 30 }), (names) => {
      const slugs = toolSlugs(names);
      expect(slugs).toHaveLength(names.length);
      for (const slug of slugs) expect(isSlug(slug), slug).toBe(true);
      expect(new Set(slugs).size).toBe(names.length);
    }), { seed: SEED, numRuns: 500 });
  });

  it('do not depend on the order of the names', () => {
    fc.assert(fc.property(fc.uniqueArray(name, { maxLength: 20 }), fc.integer(), (names, shift) => {
      const rotated = names.map((_, index) => names[(index + Math.abs(shift)) % names.length]);
      const before = new Map(names.map((n, index) => [n, toolSlugs(names)[index]]));
      rotated.forEach((n, index) => expect(toolSlugs(rotated)[index], JSON.stringify(n)).toBe(before.get(n)));
    }), { seed: SEED, numRuns: 300 });
  });

  it('of the other tools stay when a tool is added, unless the new name differs from one only by case', () => {
    fc.assert(fc.property(fc.uniqueArray(name, { maxLength: 20 }), name, (names, added) => {
      fc.pre(!names.includes(added));
      const before = toolSlugs(names);
      const after = toolSlugs([...names, added]);
      names.forEach((n, index) => {
        const caseTwin = n !== readableSlug(n) && n.toLowerCase() === readableSlug(n) && added.toLowerCase() === n.toLowerCase();
        if (!caseTwin) expect(after[index], JSON.stringify(n)).toBe(before[index]);
      });
    }), { seed: SEED, numRuns: 500 });
  });

  it('keep a plain name as it is, and the case-folded name when nothing else folds to it', () => {
    expect(toolSlugs(['read_file', 'files.list', 'tool-2', 'getUser'])).toEqual(['read_file', 'files.list', 'tool-2', 'getuser']);
  });

  it('tell apart names that differ by case, normalization, punctuation or script, with a hash of the exact name', () => {
    const names = ['_exec_shell', 'exec_shell', 'Tool', 'tool', 'TOOL', 'caf\u00e9', 'cafe\u0301', 'a/b', 'a\\b', '工具', 'ツール', '..'];
    const slugs = toolSlugs(names);
    expect(slugs[1]).toBe('exec_shell');
    expect(slugs[3]).toBe('tool');
    expect(slugs[0]).toMatch(/^exec_shell-[0-9a-f]{8}$/);
    expect(slugs[2]).toMatch(/^tool-[0-9a-f]{8}$/);
    expect(slugs[5]).toMatch(/^cafe-[0-9a-f]{8}$/);
    expect(slugs[9]).toMatch(/^tool-[0-9a-f]{8}$/);
    expect(new Set(slugs).size).toBe(names.length);
  });

  it('give a name its own slug even when another name is written to look like that slug', () => {
    const hashed = slugOf(['_exec_shell'], '_exec_shell');
    const slugs = toolSlugs([hashed, '_exec_shell', 'dup', 'dup', 'dup-2']);
    expect(slugs[0]).toBe(hashed);
    expect(slugs[1]).toBe(`${hashed}-2`);
    expect(slugs.slice(2)).toEqual(['dup', 'dup-3', 'dup-2']);
  });

  it('tell apart names with different lone surrogates', () => {
    expect(new Set(toolSlugs(['\uD800', '\uD801', '\uDC00'])).size).toBe(3);
    expect(slugOf(['\uD800', 'x'], '\uD800')).not.toBe(slugOf(['\uD801', 'x'], '\uD801'));
  });
});

describe('server slugs', () => {
  it('are safe for any repository name and path, and never the site\'s own servers/index.html', () => {
    fc.assert(fc.property(name, name, (repo, path) => {
      const slug = serverSlug(repo, path || '.', `dir:${repo}/${path}`);
      expect(isServerSlug(slug), slug).toBe(true);
    }), { seed: SEED, numRuns: 500 });
    expect(serverSlug('index.html', '.', 'dir:index.html')).toMatch(/^index\.html-[0-9a-f]{8}$/);
  });

  it('read as the repository and path, and step aside from a slug another repository took', () => {
    expect(serverSlug('modelcontextprotocol/servers', 'src/filesystem', 'github:1/src/filesystem')).toBe('modelcontextprotocol-servers-src-filesystem');
    expect(serverSlug('_hidden', '.', 'dir:_hidden/.')).toBe('hidden');
    const taken = new Set(['acme-tools']);
    const first = serverSlug('acme/tools', '.', 'github:2/.', (slug) => taken.has(slug));
    expect(first).toMatch(/^acme-tools-[0-9a-f]{8}$/);
    taken.add(first);
    expect(serverSlug('acme/tools', '.', 'github:2/.', (slug) => taken.has(slug))).toBe(`${first}-2`);
  });
});
