import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build.ts';
import { serveStatic } from '../../site/serve.ts';
import { HOSTILE, XSS_PAYLOADS, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results');
const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

let dir: string;
let seeded: SeededCatalog;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-risk-site-browser-'));
  seeded = seedCatalog(join(dir, 'catalog.sqlite'));
  await buildSite({ db: join(dir, 'catalog.sqlite'), outDir: join(dir, 'site'), quiet: true });
  server = await serveStatic(join(dir, 'site'), 0);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const toolUrl = (tool: { serverSlug: string; slug: string }) => `${server.url}tools/${tool.serverSlug}/${tool.slug}/`;
const FS_SERVER = 'modelcontextprotocol-servers-src-filesystem';

async function withPage<T>(options: Parameters<Browser['newContext']>[0], run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  try {
    return await run(page, context);
  } finally {
    await context.close();
  }
}

/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return violations;
}

describe('a tool page in a browser', () => {
  it('shows the badge and the evidence, and copies exactly the policy of each format tab', async () => {
    const origin = new URL(server.url).origin;
    await withPage({}, async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.goto(toolUrl(seeded.readFile));
      await expect(page.locator('h1').textContent()).resolves.toBe('read_file');
      await expect(page.locator('.risk-badge').first().textContent()).resolves.toBe('Medium Risk');
      await expect(page.getByRole('link', { name: 'src/filesystem/index.ts:131' }).getAttribute('href')).resolves
        .toBe(`https://github.com/modelcontextprotocol/servers/blob/${seeded.commits.servers}/src/filesystem/index.ts#L131`);
      await page.screenshot({ path: join(SCREENSHOTS, 'site-tool-page.png'), fullPage: true });
      const formats = seeded.formats.tools[`${FS_SERVER}/read_file`];
      const tabs = page.getByRole('tab');
      await expect(tabs.count()).resolves.toBe(Object.keys(formats).length);
      for (const [index, text] of Object.values(formats).entries()) {
        await tabs.nth(index).click();
        await expect(tabs.nth(index).getAttribute('aria-selected')).resolves.toBe('true');
        const panel = page.getByRole('tabpanel');
        await expect(panel.count()).resolves.toBe(1);
        await panel.getByRole('button', { name: /^Copy/ }).click();
        await panel.getByRole('button', { name: 'Copied' }).waitFor();
        await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);
      }
      // Arrow keys move between tabs.
      await tabs.nth(0).focus();
      await page.keyboard.press('ArrowRight');
      await expect(tabs.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    });
  });

  it('shows every format stacked without JavaScript, the copy buttons hidden', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(toolUrl(seeded.readFile));
      const formats = Object.values(seeded.formats.tools[`${FS_SERVER}/read_file`]);
      for (const [index, text] of formats.entries()) {
        await expect(page.locator(`#tool-policy-code-${index}`).isVisible()).resolves.toBe(true);
        await expect(page.locator(`#tool-policy-code-${index}`).textContent()).resolves.toBe(text);
      }
      await expect(page.locator('.panel-title').count()).resolves.toBe(formats.length);
      await expect(page.locator('button.copy-button').first().isVisible()).resolves.toBe(false);
      await expect(page.getByRole('tablist').isVisible()).resolves.toBe(false);
    });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await withPage({ viewport: { width: 375, height: 800 } }, async (page) => {
      for (const url of [toolUrl(seeded.hostileTool), toolUrl(seeded.writeFile), `${server.url}servers/${FS_SERVER}/`]) {
        await page.goto(url);
        await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), url).resolves.toBe(true);
      }
    });
  });
});

describe('a server page in a browser', () => {
  it('shows facts, the assessment and the tools, riskiest first, sortable by name', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${server.url}servers/${FS_SERVER}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('@modelcontextprotocol/server-filesystem');
      await expect(page.getByText('No lethal trifecta').isVisible()).resolves.toBe(true);
      const names = () => page.locator('.tool-table tbody tr td:nth-child(2)').allTextContents();
      await expect(names()).resolves.toEqual(['write_file', 'read_file', 'list_allowed_directories']);
      await page.screenshot({ path: join(SCREENSHOTS, 'site-server-page.png'), fullPage: true });
      await page.locator('.tool-table').getByRole('button', { name: 'Tool' }).click();
      await expect(names()).resolves.toEqual(['list_allowed_directories', 'read_file', 'write_file']);
    });
  });
});

describe('search', () => {
  it('finds a tool by name and filters by risk', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${server.url}search/?q=file`);
      const results = page.locator('.pagefind-ui__result-link');
      await expect.poll(() => results.allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining(['read_file', 'write_file']));
      await page.screenshot({ path: join(SCREENSHOTS, 'site-search.png'), fullPage: true });
      await page.locator('.pagefind-ui__filter-name', { hasText: 'risk' }).click();
      await page.getByLabel(/High Risk/).check();
      await expect.poll(async () => (await results.allTextContents()).filter((t) => t.includes('_file'))).toEqual(['write_file']);
    });
  });
});

describe('every page type', () => {
  it('has no serious or critical accessibility violation (axe-core), in light and dark mode', { timeout: 180_000 }, async () => {
    const urls = ['', `tools/${FS_SERVER}/write_file/`, toolUrl(seeded.hostileTool).slice(server.url.length), `servers/${FS_SERVER}/`, 'servers/', 'risk/high/', 'category/read/', 'changes/', 'search/', 'no-such-page/'];
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await withPage({ colorScheme }, async (page) => {
        // Dark mode changes only colours: the tool and server pages cover every colour pair.
        for (const url of colorScheme === 'light' ? urls : urls.slice(1, 4)) {
          await page.goto(server.url + url);
          for (const violation of await axeViolations(page)) found.push(`${colorScheme} /${url} ${violation}`);
        }
      });
    }
    expect(found).toEqual([]);
  });
});

describe('hostile text', () => {
  it('renders 35 XSS payloads as inert text: no dialog, no script, no broken layout', { timeout: 180_000 }, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    await withPage({}, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const urls = [...seeded.xssTools.map(toolUrl), toolUrl(seeded.hostileTool), `${server.url}servers/xss-gallery/`, `${server.url}servers/hostile/`,
        `${server.url}risk/critical/`, `${server.url}changes/`, `${server.url}servers/`, `${server.url}search/?q=alert`];
      for (const [index, url] of urls.entries()) {
        await page.goto(url, { waitUntil: 'load' });
        // Search results and filters (Pagefind renders filter values as HTML) must be there before checking.
        if (url.includes('/search/')) await page.locator('.pagefind-ui__result').first().waitFor({ state: 'attached' });
        if (index < seeded.xssTools.length) await expect(page.locator('h1').textContent(), url).resolves.toBe(XSS_PAYLOADS[index]);
        await page.locator('details summary').evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
        const state = await page.evaluate(() => ({
          // Only our own script, no element a payload could have created (Pagefind's own form, inputs
          // and icons on the search page are not payloads; its results and filter labels are checked).
          scripts: [...document.scripts].map((s) => s.getAttribute('src')),
          injected: document.querySelectorAll(['img', 'iframe', 'object', 'embed', 'style', 'b', 'video', 'audio', 'marquee', 'base', 'meta', 'template', 'details[ontoggle]', 'body', 'a[href^="javascript"]']
            .map((tag) => `main ${tag}`).concat(document.querySelector('#search') ? [] : ['main svg:not(.chart)', 'main form', 'main input']).join(', ')).length,
          // The page still has its header, main and footer in order, and nothing covers it.
          layout: [...document.body.children].filter((e) => e.tagName !== 'SCRIPT').map((e) => e.tagName).join(' '),
          overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
        }));
        expect(state.scripts.filter((src) => src !== '/site.js' && src !== '/pagefind/pagefind-ui.js'), url).toEqual([]);
        expect(state.injected, url).toBe(0);
        expect(state.layout, url).toBe('A HEADER MAIN FOOTER');
        expect(state.overflow, url).toBe(false);
      }
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      await page.goto(toolUrl(seeded.hostileTool));
      await expect(page.locator('.title').textContent()).resolves.toBe(HOSTILE.attribute);
    });
  });
});
