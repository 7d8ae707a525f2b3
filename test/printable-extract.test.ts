import { sql } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentExtract } from '../subgraphs/citizens/extract.js';
import { CHROMIUM, hasChromium, launchChromium } from './support/browser.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { countRows, rows } from './support/sql.js';

// jsqr is CommonJS whose typings declare an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

let graph: TestGraph;
let browser: Browser | null = null;
interface Holder {
  nin: string;
  given_name_ar: string;
  family_name_ar: string;
  given_name_lat: string;
  family_name_lat: string;
  birth_date: string;
  father: string;
  mother: string;
}
let holder: Holder;
let token: string;
let presentation: string;
let code: string;

const ISSUE = `mutation($nin: String!) { issueBirthExtract(nin: $nin) { credential code } }`;
const PRINT = `query($p: String!) { printableBirthExtract(presentation: $p) { html code printedFields } }`;
const VERIFY = `query($p: String!) { verifyExtract(presentation: $p) { verdict code disclosed { name value } } }`;
const CHOSEN = ['nin', 'given_name_ar', 'family_name_lat', 'birth_date'];
const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  [holder] = (await rows(
    graph.database.db,
    sql`select c.nin, c.given_name_ar, c.family_name_ar, c.given_name_lat, c.family_name_lat,
          c.birth_date::text as birth_date,
          f.given_name_lat || ' ' || f.family_name_lat as father,
          m.given_name_lat || ' ' || m.family_name_lat as mother
        from citizens.citizens c
        join citizens.citizens f on f.nin = c.father_nin
        join citizens.citizens m on m.nin = c.mother_nin
        where c.death_date is null and c.birth_date < '2000-01-01' order by c.nin limit 1`,
  )) as [Holder];
  token = await graph.token({ kind: 'citizen', nin: holder.nin });
  const issued = await graph.query(ISSUE, { nin: holder.nin }, { token });
  expect(issued.body.errors).toBeUndefined();
  code = issued.body.data.issueBirthExtract.code;
  presentation = await presentExtract(issued.body.data.issueBirthExtract.credential, CHOSEN);
  if (hasChromium) browser = await launchChromium();
  else console.warn(`no Chromium at ${CHROMIUM}: the QR code is not decoded from a rendering`);
});
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

describe('the printable birth extract', () => {
  let html: string;

  it('is one page in Arabic (right to left) and French with the chosen facts only', async () => {
    const res = await graph.query(PRINT, { p: presentation }, { token });
    expect(res.body.errors).toBeUndefined();
    const printed = res.body.data.printableBirthExtract;
    expect(printed.code).toBe(code);
    expect(printed.printedFields.sort()).toEqual([...CHOSEN].sort());
    html = printed.html;

    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<section lang="ar" dir="rtl" class="ar">');
    expect(html).toContain('<section lang="fr" dir="ltr" class="fr">');
    // Both languages' headings and labels.
    expect(html).toContain('مستخرج رقمي من عقد الميلاد');
    expect(html).toContain("Extrait numérique d'acte de naissance");
    expect(html).toContain('تاريخ الميلاد');
    expect(html).toContain('Date de naissance');
    // The disclosed facts; the NIN and the date isolated left to right, in both parts.
    const isolated = (v: string) => `<bdi dir="ltr" class="ltr">${v}</bdi>`;
    expect(html.split(isolated(holder.nin))).toHaveLength(3);
    expect(html.split(isolated(holder.birth_date))).toHaveLength(3);
    expect(html.split(isolated(code)).length).toBeGreaterThanOrEqual(3);
    expect(html).toContain(holder.given_name_ar);
    expect(html).toContain(holder.family_name_lat);
    // What the citizen left out is not on the paper, not even its label.
    expect(html).not.toContain(holder.father);
    expect(html).not.toContain(holder.mother);
    expect(html).not.toContain(holder.family_name_ar);
    expect(html).not.toContain('Nom du père');
    expect(html).not.toContain('اسم الأب');
    expect(html).not.toContain('Prénom</th>');
  });

  it.skipIf(!hasChromium)(
    'renders right to left, prints to PDF, and its QR code decodes to a presentation verifyExtract accepts',
    async () => {
      const page = await browser!.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html);
      const layout = await page.evaluate(() => {
        const ar = document.querySelector('section[lang="ar"]')!;
        const nin = ar.querySelector('bdi.ltr')!;
        return {
          arDirection: getComputedStyle(ar).direction,
          frDirection: getComputedStyle(document.querySelector('section[lang="fr"]')!).direction,
          ninDirection: getComputedStyle(nin).direction,
          ninBidi: getComputedStyle(nin).unicodeBidi,
        };
      });
      expect(layout).toEqual({
        arDirection: 'rtl',
        frDirection: 'ltr',
        ninDirection: 'ltr',
        ninBidi: 'isolate',
      });

      // The QR code as the page draws it, read back as pixels.
      const image = await page.evaluate(async () => {
        const svg = document.querySelector('figure.qr svg')!.cloneNode(true) as SVGSVGElement;
        // Whole pixels per module, and an intrinsic size so the image is not 300 × 150.
        const size = svg.viewBox.baseVal.width * 5;
        svg.setAttribute('width', String(size));
        svg.setAttribute('height', String(size));
        const img = new Image(size, size);
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const g = canvas.getContext('2d')!;
        g.imageSmoothingEnabled = false;
        g.drawImage(img, 0, 0, size, size);
        // One character per pixel (dark or light): a string crosses to Node quickly.
        const rgba = g.getImageData(0, 0, size, size).data;
        let dark = '';
        for (let i = 0; i < rgba.length; i += 4) dark += rgba[i]! < 128 ? '1' : '0';
        return { size, dark };
      });
      const pixels = new Uint8ClampedArray(image.size * image.size * 4);
      for (let i = 0; i < image.dark.length; i++) {
        const v = image.dark[i] === '1' ? 0 : 255;
        pixels.set([v, v, v, 255], i * 4);
      }
      const decoded = jsQR(pixels, image.size, image.size);
      expect(decoded, 'a QR code was found in the rendering').not.toBeNull();
      expect(decoded!.data).toBe(presentation);

      const verified = await graph.query(VERIFY, { p: decoded!.data });
      expect(verified.body.errors).toBeUndefined();
      expect(verified.body.data.verifyExtract.verdict).toBe('VALID');
      expect(verified.body.data.verifyExtract.code).toBe(code);
      expect(
        verified.body.data.verifyExtract.disclosed.map((d: { name: string }) => d.name).sort(),
      ).toEqual([...CHOSEN].sort());

      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    },
  );

  it("refuses another citizen's extract, an altered one and a non-citizen, writing nothing", async () => {
    const before = await countRows(graph.database.db, 'citizens.extracts');
    const [someoneElse] = await rows<{ nin: string }>(
      graph.database.db,
      sql`select nin from citizens.citizens where nin <> ${holder.nin} and death_date is null order by nin limit 1`,
    );
    const other = await graph.token({ kind: 'citizen', nin: someoneElse!.nin });
    const notMine = await graph.query(PRINT, { p: presentation }, { token: other });
    expect(codeOf(notMine)).toBe('NOT_SELF');
    expect(notMine.body.errors![0]!.message).toBe('a citizen may print their own extract only');

    // One character of the signature changed.
    const jwtEnd = presentation.indexOf('~');
    const at = jwtEnd - 5;
    const altered =
      presentation.slice(0, at) +
      (presentation[at] === 'A' ? 'B' : 'A') +
      presentation.slice(at + 1);
    const bad = await graph.query(PRINT, { p: altered }, { token });
    expect(codeOf(bad)).toBe('EXTRACT_NOT_VALID');
    expect(bad.body.errors![0]!.extensions!.verdict).toBe('ALTERED');
    expect(bad.body.errors![0]!.message).toBe(
      'this presentation cannot be printed: it is altered; ask for a new extract',
    );

    const garbage = await graph.query(PRINT, { p: 'not a presentation' }, { token });
    expect(codeOf(garbage)).toBe('BAD_USER_INPUT');

    const ministry = await graph.token({ kind: 'ministry', ministry: 'INTERIOR' });
    const notCitizen = await graph.query(
      PRINT,
      { p: presentation },
      { token: ministry, purpose: 'CIVIL_STATUS_ADMINISTRATION' },
    );
    expect(codeOf(notCitizen)).toBe('FORBIDDEN');
    expect(await countRows(graph.database.db, 'citizens.extracts')).toBe(before);
  });
});
