import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, headless, with no network of its own: how every browser test here opens a page. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
