import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { devPersonas } from '../scripts/dev-personas.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { rows } from './support/sql.js';
import { sql } from 'drizzle-orm';
import {
  buildWebApp,
  CHROMIUM,
  hasChromium,
  launchChromium,
  screenshot,
} from './support/browser.js';
import { describeViolations, seriousViolations } from './support/axe.js';

/**
 * The web app in real Chromium against the real graph: built once, served by the
 * gateway beside /graphql, signed in through the local identity provider's page.
 */
if (!hasChromium) {
  console.warn(
    `web.test.ts: no Chromium at ${CHROMIUM} (apt-get install chromium): browser tests skipped`,
  );
}

const WEB_DIR = resolve('.data/web-test');
let graph: TestGraph;
let browser: Browser;
let base: string;
let personas: Awaited<ReturnType<typeof devPersonas>>;

const COUNTER = 'COUNTER_SERVICE';
const QUEUE = `query($s: ApplicationStatus) { applicationQueue(first: 50, filter: { status: $s }) { nodes { number status applicant { nin } } } }`;
type QueueItem = { number: string; status: string; applicant: { nin: string } };

/** The open applications in the queue of an agent persona's commune. */
async function openItems(spec: object): Promise<QueueItem[]> {
  const token = await graph.token(spec as never);
  const items: QueueItem[] = [];
  for (const s of ['SUBMITTED', 'UNDER_REVIEW']) {
    const res = await graph.query(QUEUE, { s }, { token, purpose: COUNTER });
    expect(res.body.errors).toBeUndefined();
    items.push(...res.body.data.applicationQueue.nodes);
  }
  return items;
}

/** Opens an application in the console, choosing the queue of its status first. */
async function openInConsole(page: Page, item: QueueItem): Promise<void> {
  await page.locator('#queue select').selectOption(item.status);
  await page
    .locator(`tr[data-number="${item.number}"]`)
    .getByRole('button', { name: /فتح|Ouvrir/ })
    .click();
  await page.getByTestId('application').waitFor();
}

async function newPage(lang: 'ar' | 'fr' = 'ar'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('lang', l), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  onTestFailed(async ({ task }) => {
    console.error(`page errors: ${errors.join(' | ') || 'none'}`);
    await screenshot(page, `failed-${task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => {});
  });
  return page;
}

/** Signs in on the development page of the local identity provider, as a user would. */
async function signInAs(page: Page, path: string, personaLabel: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page
    .getByRole('main')
    .getByRole('button', { name: /تسجيل الدخول|Se connecter/ })
    .click();
  await page.waitForURL(/\/dev-identity\/authorize/);
  await page.getByRole('button', { name: personaLabel }).click();
  await page.waitForURL(`${base}${path}`);
}

type Lang = 'ar' | 'fr';

/**
 * axe on a screen in Arabic, then in French (switched with the header's button): no
 * serious or critical violation in either; each found is listed by rule and element.
 */
async function auditInBothLanguages(
  page: Page,
  screen: string,
  ready: (lang: Lang) => Promise<unknown>,
): Promise<void> {
  const found: string[] = [];
  for (const lang of ['ar', 'fr'] as const) {
    // The header's first button, whatever it is named: the name is what axe checks.
    if (lang === 'fr') await page.getByRole('banner').getByRole('button').first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await ready(lang);
    await screenshot(page, `a11y-${screen}-${lang}`);
    const violations = await seriousViolations(page);
    if (violations.length > 0)
      found.push(`${screen} (${lang}):\n${describeViolations(violations)}`);
  }
  expect(found, `axe found:\n${found.join('\n')}`).toEqual([]);
}

const persona = (id: string) => {
  const p = personas.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
};

describe.skipIf(!hasChromium)('the web app in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    rmSync(WEB_DIR, { recursive: true, force: true });
    const [, started] = await Promise.all([
      buildWebApp(WEB_DIR),
      startTestGraph({ seed: 7, webDir: WEB_DIR }),
    ]);
    graph = started;
    base = graph.gateway.url.replace(/\/graphql$/, '');
    personas = await devPersonas(graph.database.db);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it('development accepts any document from the web client (production: trusted-operations.test.ts)', async () => {
    const res = await graph.query(
      '{ procedures { type } }',
      {},
      { headers: { 'apollographql-client-name': 'ecg-web' } },
    );
    expect(res.body.errors).toBeUndefined();
  });

  it('the Arabic page is right-to-left, the French one left-to-right', async () => {
    const page = await newPage('ar');
    await page.goto(base);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.getByRole('heading', { name: 'دليل الإجراءات' }).waitFor();
    await page.getByText('جواز السفر').first().waitFor(); // the guide, from the graph
    await screenshot(page, 'kiosk-ar');
    const toFrench = page.getByRole('button', { name: 'Français' });
    expect(await toFrench.getAttribute('aria-describedby')).toBe('language-help');
    expect(await page.locator('#language-help').textContent()).toBe('تغيير اللغة إلى الفرنسية');
    await toFrench.click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByRole('heading', { name: 'Guide des démarches' }).waitFor();
    await screenshot(page, 'kiosk-fr');
    await page.context().close();
  });

  it('the kiosk has no serious accessibility violation (axe), in Arabic and French', async () => {
    const page = await newPage('ar');
    await page.goto(base);
    await auditInBothLanguages(page, 'kiosk', (lang) =>
      page
        .getByText(lang === 'ar' ? 'جواز السفر' : 'Passeport')
        .first()
        .waitFor(),
    );
    await page.context().close();
  });

  it("a citizen's account has no serious accessibility violation (axe), in Arabic and French", async () => {
    const citizen = personas.find((p) => p.group === 'citizen')!;
    const page = await newPage('ar');
    await signInAs(page, '/account', citizen.label);
    await auditInBothLanguages(page, 'account', async (lang) => {
      await page
        .getByTestId('record')
        .getByText((citizen.spec as { nin: string }).nin)
        .waitFor();
      await page.getByTestId('history').locator('li').first().waitFor();
      // The extract's section loads on its own (a lazy chunk): audited once it is there.
      await page
        .getByRole('button', { name: lang === 'ar' ? 'إصدار مستخرج' : 'Obtenir un extrait' })
        .waitFor();
    });
    await page.context().close();
  });

  it("the agent's console has no serious accessibility violation (axe), in Arabic and French", async () => {
    let agent: (typeof personas)[number] | undefined;
    let item: QueueItem | undefined;
    for (const p of personas.filter((x) => x.group === 'agent')) {
      item = (await openItems(p.spec))[0];
      if (item) {
        agent = p;
        break;
      }
    }
    expect(item, 'an open application in a listed commune').toBeDefined();
    const page = await newPage('ar');
    await signInAs(page, '/agent', agent!.label);
    // The queue and an opened application with its decision form.
    await openInConsole(page, item!);
    await auditInBothLanguages(page, 'agent', () =>
      page
        .getByTestId('application')
        .getByRole('button', { name: /رفض|Refuser/ })
        .waitFor(),
    );
    await page.context().close();
  });

  it('the ministry dashboard has no serious accessibility violation (axe), in Arabic and French', async () => {
    const ministry = personas.find((p) => p.group === 'ministry')!;
    const page = await newPage('ar');
    await signInAs(page, '/dashboard', ministry.label);
    await auditInBothLanguages(page, 'dashboard', async () => {
      await page.getByTestId('documents-table').locator('tbody tr').first().waitFor();
      await page.getByTestId('consultations-wilaya-table').waitFor();
      await page.getByTestId('documents-map').locator('g.wilaya').first().waitFor();
    });
    await page.context().close();
  });

  it('the kiosk follows an application with its number, receipt code and birth date', async () => {
    const [c] = await rows<{ nin: string; birth_date: string }>(
      graph.database.db,
      sql`select c.nin, c.birth_date::text as birth_date from citizens.citizens c
          where c.death_date is null and c.birth_date < '2000-01-01'
            and not exists (select 1 from documents.applications a where a.nin = c.nin and a.type = 'PASSPORT')
            and not exists (select 1 from documents.documents d where d.holder_nin = c.nin and d.type = 'PASSPORT')
          order by c.nin limit 1`,
    );
    const agent = await graph.token({ kind: 'agent', commune: '1601' });
    const filed = await graph.query(
      `mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { trackingCode application { number } } }`,
      {
        i: {
          nin: c!.nin,
          type: 'PASSPORT',
          reason: 'FIRST',
          contactPhone: '0661234567',
          idempotencyKey: `web-${c!.nin}`,
        },
      },
      { token: agent, purpose: COUNTER },
    );
    expect(filed.body.errors).toBeUndefined();
    const { trackingCode, application } = filed.body.data.submitApplication;

    const page = await newPage('ar');
    await page.goto(base);
    await page.getByLabel('رقم الطلب').fill(application.number);
    await page.getByLabel('رمز المتابعة (على الوصل)').fill(trackingCode);
    await page.getByLabel('تاريخ الميلاد').fill(c!.birth_date);
    await page.locator('#follow').getByRole('button', { name: 'بحث' }).click();
    const tracking = page.getByTestId('tracking');
    await tracking.waitFor();
    expect(await tracking.innerText()).toContain('مودع'); // SUBMITTED, in words
    expect(await tracking.innerText()).toContain(application.number);
    await screenshot(page, 'kiosk-follow');

    // A wrong code is told apart from nothing: the same answer as an unknown number.
    await page.getByLabel('رمز المتابعة (على الوصل)').fill('AAAAA-AAAAA');
    await page.locator('#follow').getByRole('button', { name: 'بحث' }).click();
    await page.getByText('لم يتم العثور على طلب').waitFor();
    await page.context().close();
  });

  it('a citizen signs in and sees the consultation a ministry made a moment before', async () => {
    const citizen = personas.find((p) => p.group === 'citizen')!;
    const nin = (citizen.spec as { nin: string }).nin;
    const justice = await graph.token({ kind: 'ministry', ministry: 'JUSTICE' });
    const read = await graph.query(
      `query($nin: String!) { citizen(nin: $nin) { nin familyNameLat } }`,
      { nin },
      { token: justice, purpose: 'JUDICIAL_PROCEEDINGS' },
    );
    expect(read.body.errors).toBeUndefined();

    const page = await newPage('fr');
    await signInAs(page, '/account', citizen.label);
    const table = page.getByTestId('consultations');
    const row = table.locator('tbody tr').filter({ hasText: 'Ministère de la Justice' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('Procédure judiciaire'); // the purpose in words
    await page.getByTestId('record').getByText(nin).waitFor();
    await screenshot(page, 'account-consultations');
    await page.context().close();
  });

  it('an agent refuses with a reason (not without one), and the citizen sees the refusal', async () => {
    const citizens = new Map(
      personas
        .filter((p) => p.group === 'citizen')
        .map((p) => [(p.spec as { nin: string }).nin, p]),
    );
    let agentPersona: (typeof personas)[number] | undefined;
    let item: QueueItem | undefined;
    for (const p of personas.filter((x) => x.group === 'agent' && x.id.endsWith('001'))) {
      item = (await openItems(p.spec)).find((n) => citizens.has(n.applicant.nin));
      if (item) {
        agentPersona = p;
        break;
      }
    }
    expect(item, 'an open application of a listed citizen').toBeDefined();

    const page = await newPage('ar');
    await signInAs(page, '/agent', agentPersona!.label);
    await openInConsole(page, item!);
    const panel = page.getByTestId('application');
    const refuse = panel.getByRole('button', { name: 'رفض' });
    expect(await refuse.isDisabled()).toBe(true); // no justification, no refusal
    const reason = 'صورة شمسية غير مطابقة للمعايير';
    await panel.getByLabel('التبرير (إجباري عند الرفض)').fill(reason);
    await refuse.click();
    await page.getByText('تم تسجيل القرار').waitFor();
    await screenshot(page, 'agent-refused');
    await page.context().close();

    const citizenPage = await newPage('ar');
    await signInAs(citizenPage, '/account', citizens.get(item!.applicant.nin)!.label);
    const mine = citizenPage
      .getByTestId('applications')
      .locator('li', { hasText: item!.number })
      .first();
    await mine.getByText(reason).first().waitFor();
    expect(await mine.innerText()).toContain('مرفوض');
    await screenshot(citizenPage, 'account-refusal');
    await citizenPage.context().close();
  });

  it('two agents decide the same application: the second sees the conflict and reloads', async () => {
    const agents = personas.filter((p) => p.group === 'agent');
    let first: (typeof personas)[number] | undefined;
    let item: QueueItem | undefined;
    for (const p of agents.filter((x) => x.id.endsWith('001'))) {
      item = (await openItems(p.spec)).at(-1);
      if (item) {
        first = p;
        break;
      }
    }
    expect(item, 'an open application in a listed commune').toBeDefined();
    const second = agents.find((p) => p !== first && p.id.replace(/002$/, '001') === first!.id);

    const pages = await Promise.all([newPage('fr'), newPage('fr')]);
    await signInAs(pages[0]!, '/agent', first!.label);
    await signInAs(pages[1]!, '/agent', second!.label);
    for (const page of pages) await openInConsole(page, item!);
    await pages[0]!.getByTestId('application').getByRole('button', { name: 'Approuver' }).click();
    await pages[0]!.getByText('Décision enregistrée').waitFor();
    await pages[1]!.getByTestId('application').getByRole('button', { name: 'Approuver' }).click();
    const conflict = pages[1]!.locator('[role="alert"][data-code="CONFLICT"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Un collègue a décidé');
    await screenshot(pages[1]!, 'agent-conflict');
    await conflict.getByRole('button', { name: 'Recharger' }).click();
    // After the reload the approved item has left the queue of open applications.
    await expect.poll(() => pages[1]!.locator(`tr[data-number="${item!.number}"]`).count()).toBe(0);
    for (const page of pages) await page.context().close();
  });
});
