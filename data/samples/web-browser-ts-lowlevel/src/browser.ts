import { chromium, type Browser, type Page } from "playwright";

let browser: Browser | undefined;
let page: Page | undefined;

export async function currentPage(): Promise<Page> {
  browser ??= await chromium.launch({ headless: true });
  page ??= await browser.newPage();
  return page;
}
