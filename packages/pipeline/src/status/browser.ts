import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, headless, with no network of its own: how every browser test here opens a page. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Opens `url` in a new page, collecting what the page logs as an error, the exceptions it throws and every
 * URL it requests.
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('pageerror', (error) => void errors.push(error.message));
  page.on('request', (request) => void requests.push(request.url()));
  await page.goto(url);
  return { page, errors, requests };
}
