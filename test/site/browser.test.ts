import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/build.ts';
import { serveStatic } from '../../site/serve.ts';
import { HOSTILE, seedCatalog, type SeededCatalog } from './seed-catalog.ts';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results');

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
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a tool page in a browser', () => {
  it('copies the recommended policy exactly as stored', async () => {
    const origin = new URL(server.url).origin;
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}tools/${seeded.pythonTool.serverSlug}/${seeded.pythonTool.slug}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('run_python_code');
      await expect(page.locator('.risk-badge').first().textContent()).resolves.toBe('Critical Risk');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'site-tool-page.png'), fullPage: true });
      await page.getByRole('button', { name: 'Copy' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(seeded.pythonTool.policy);
    } finally {
      await context.close();
    }
  });

  it('shows a hostile tool name as text and runs none of its markup', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`${server.url}tools/${seeded.hostileTool.serverSlug}/${seeded.hostileTool.slug}/`, { waitUntil: 'load' });
      await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE.script);
      await expect(page.locator('.title').textContent()).resolves.toBe(HOSTILE.attribute);
      await expect(page.locator('img').count()).resolves.toBe(0);
      await expect(page.locator('#tool-policy').textContent()).resolves.toBe(seeded.hostileTool.policy);
      // The copy button still works: the name in the policy did not break the script.
      await expect(page.getByRole('button', { name: 'Copy' }).isVisible()).resolves.toBe(true);
      await page.locator('details summary').first().click();
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the page readable without JavaScript, the copy button hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}tools/${seeded.readFile.serverSlug}/${seeded.readFile.slug}/`);
      await expect(page.locator('#tool-policy').textContent()).resolves.toBe(seeded.readFile.policy);
      await expect(page.locator('button.copy-button').isVisible()).resolves.toBe(false);
    } finally {
      await context.close();
    }
  });
});
