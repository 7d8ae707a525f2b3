import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webManifest } from '../../scripts/web-manifest.js';

/** Chromium from the system's packages (`.ci/run` installs it); nothing is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = resolve('.data/screenshots');

const VITE = join(
  dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js',
);

/**
 * Builds the web app once into a folder of its own, with its trusted-operation manifest:
 * `vite build` as `npm run web:build` runs it, in a process of its own, because Vite takes
 * NODE_ENV from its process and vitest's 'test' would make it a development build (React's
 * development bundle, 730 kB, slower in the browser and not what production serves).
 */
export async function buildWebApp(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [VITE, 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
    { env: { ...process.env, NODE_ENV: 'production' } },
  ).catch((error: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`vite build failed: ${error.stderr || error.stdout || error.message}`);
  });
  writeFileSync(join(outDir, 'trusted-operations.json'), JSON.stringify(await webManifest()));
}

/** Playwright gives each launch a fresh profile (its own --user-data-dir), removed on close. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
