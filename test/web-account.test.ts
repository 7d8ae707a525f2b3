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
 * The account screen's history and print button, in real Chromium against the real graph:
 * the citizen sees their history across the services; they issue an extract, keep two
 * facts and print; the printable page opens in a window of its own, right to left in
 * Arabic, with only those facts.
 */
if (!hasChromium) console.warn(`web-account.test.ts: no Chromium at ${CHROMIUM}: skipped`);

const WEB_DIR = resolve('.data/web-account-test');
let graph: TestGraph;
let browser: Browser;
let base: string;

describe.skipIf(!hasChromium)("the citizen's account in the web app", { timeout: 120_000 }, () => {
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

  it('shows the history, and opens the printable page with the chosen facts, Arabic right to left', async () => {
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

    // The history: the birth act at least, from the civil registry, with its number.
    const history = page.getByTestId('history');
    await history
      .getByText(/État civil · BIRTH act/)
      .first()
      .waitFor();
    await screenshot(page, 'account-history');

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
    // The page's stylesheet applies despite the app's CSP (adopted by the app's script):
    // the two languages side by side.
    const fr = popup.locator('section[lang="fr"]');
    const [arBox, frBox] = [await ar.boundingBox(), await fr.boundingBox()];
    expect(Math.abs(arBox!.y - frBox!.y)).toBeLessThan(2);
    expect(arBox!.x).toBeGreaterThan(frBox!.x);
    await screenshot(popup, 'printable-extract');
    await context.close();
  });
});
