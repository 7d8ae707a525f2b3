import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devPersonas } from '../scripts/dev-personas.js';
import {
  buildWebApp,
  CHROMIUM,
  hasChromium,
  launchChromium,
  screenshot,
} from './support/browser.js';
import { startTestGraph, type TestGraph } from './support/graph.js';

/**
 * The account screen's print button, in real Chromium against the real graph: the citizen
 * issues an extract, keeps two facts and prints; the printable page opens in a window of
 * its own, right to left in Arabic, with only those facts.
 */
if (!hasChromium) console.warn(`web-print-extract.test.ts: no Chromium at ${CHROMIUM}: skipped`);

const WEB_DIR = resolve('.data/web-print-test');
let graph: TestGraph;
let browser: Browser;
let base: string;

describe.skipIf(!hasChromium)('printing the extract from the web app', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    rmSync(WEB_DIR, { recursive: true, force: true });
    const [, started] = await Promise.all([
      buildWebApp(WEB_DIR),
      startTestGraph({ seed: 7, webDir: WEB_DIR }),
    ]);
    graph = started;
    base = graph.gateway.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it('opens the printable page with the chosen facts, Arabic right to left', async () => {
    const personas = await devPersonas(graph.database.db);
    const citizen = personas.find((p) => p.group === 'citizen')!;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('lang', 'fr'));
    const page = await context.newPage();
    await page.goto(`${base}/account`);
    await page
      .getByRole('main')
      .getByRole('button', { name: /Se connecter/ })
      .click();
    await page.waitForURL(/\/dev-identity\/authorize/);
    await page.getByRole('button', { name: citizen.label }).click();
    await page.waitForURL(`${base}/account`);

    await page.getByRole('button', { name: 'Obtenir un extrait' }).click();
    for (const field of ['family_name_lat', 'birth_date'])
      await page.locator(`input[type="checkbox"][name="${field}"]`).check();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: /Imprimer l'extrait/ }).click(),
    ]);
    await popup.waitForLoadState();
    const ar = popup.locator('section[lang="ar"]');
    expect(await ar.getAttribute('dir')).toBe('rtl');
    expect(await ar.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('Date de naissance');
    expect(text).toContain('تاريخ الميلاد');
    expect(text).not.toContain('Nom du père');
    expect(await popup.locator('figure.qr svg').count()).toBe(1);
    await screenshot(popup, 'printable-extract');
    await context.close();
  });
});
