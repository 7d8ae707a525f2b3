import QRCode from 'qrcode';

/**
 * The printable birth extract: one HTML page (A4, printed to paper or PDF by the browser)
 * with the facts a presentation discloses, in Arabic (right to left) and French, and a QR
 * code of that very presentation, so whoever holds the paper can check it with
 * verifyExtract or offline. Only what the presentation discloses is printed: the page is
 * drawn from the presentation, never from the registry.
 */

/** Labels of the disclosable facts, in both languages. */
const LABELS: Record<string, { ar: string; fr: string }> = {
  nin: { ar: 'رقم التعريف الوطني', fr: "Numéro d'identification national (NIN)" },
  family_name_ar: { ar: 'اللقب', fr: 'Nom (en arabe)' },
  given_name_ar: { ar: 'الاسم', fr: 'Prénom (en arabe)' },
  family_name_lat: { ar: 'اللقب بالحروف اللاتينية', fr: 'Nom' },
  given_name_lat: { ar: 'الاسم بالحروف اللاتينية', fr: 'Prénom' },
  sex: { ar: 'الجنس', fr: 'Sexe' },
  birth_date: { ar: 'تاريخ الميلاد', fr: 'Date de naissance' },
  birth_commune: { ar: 'بلدية الميلاد (الرمز)', fr: 'Commune de naissance (code)' },
  father_name: { ar: 'اسم الأب', fr: 'Nom du père' },
  mother_name: { ar: 'اسم الأم', fr: 'Nom de la mère' },
  marginal_notes: { ar: 'البيانات الهامشية', fr: 'Mentions marginales' },
};
const ORDER = Object.keys(LABELS);

const SEX = { M: { ar: 'ذكر', fr: 'Masculin' }, F: { ar: 'أنثى', fr: 'Féminin' } } as const;

/** Facts that are digits, codes or dates: isolated left to right inside Arabic text. */
const LTR_FACTS = new Set(['nin', 'birth_date', 'birth_commune']);

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * A value that must read left to right whatever surrounds it (a NIN, a date, a code):
 * `<bdi dir="ltr">` isolates it, so "1601" stays "1601" inside Arabic and a NIN is never
 * broken at a line end (CSS white-space: nowrap).
 */
const ltr = (text: string) => `<bdi dir="ltr" class="ltr">${escapeHtml(text)}</bdi>`;

function valueIn(name: string, value: unknown, lang: 'ar' | 'fr'): string {
  if (name === 'sex' && (value === 'M' || value === 'F')) return escapeHtml(SEX[value][lang]);
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'ar' ? 'لا توجد' : 'Néant';
    // Notes are written in the registers' language: isolated, in their own direction.
    return `<ul>${value.map((v) => `<li><bdi>${escapeHtml(String(v))}</bdi></li>`).join('')}</ul>`;
  }
  if (value === null || value === undefined) return lang === 'ar' ? 'غير مسجل' : 'Non renseigné';
  const text = String(value);
  if (LTR_FACTS.has(name)) return ltr(text);
  // A name keeps its own script's direction inside the other language's text.
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

export interface PrintableFacts {
  /** The claims the presentation disclosed, besides the always-shown ones. */
  disclosed: Record<string, unknown>;
  actNumber: string;
  code: string;
  issuedOn: string;
  expiresOn: string;
}

function rows(facts: PrintableFacts, lang: 'ar' | 'fr'): string {
  const always = [
    [lang === 'ar' ? 'رقم العقد' : "Numéro de l'acte", ltr(facts.actNumber)],
    [lang === 'ar' ? 'رمز التحقق' : 'Code de vérification', ltr(facts.code)],
    [lang === 'ar' ? 'تاريخ الإصدار' : 'Délivré le', ltr(facts.issuedOn)],
    [lang === 'ar' ? 'صالح إلى غاية' : "Valable jusqu'au", ltr(facts.expiresOn)],
  ];
  const chosen = ORDER.filter((name) => name in facts.disclosed).map((name) => [
    escapeHtml(LABELS[name]![lang]),
    valueIn(name, facts.disclosed[name], lang),
  ]);
  return [...chosen, ...always]
    .map(([label, value]) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`)
    .join('\n');
}

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0; }
.sheet { max-width: 182mm; margin: 0 auto; }
header { text-align: center; border-bottom: 2px solid #0b6e4f; padding-bottom: 4mm; margin-bottom: 4mm; }
header p { margin: 1mm 0; }
.columns { display: flex; gap: 8mm; }
.columns > section { flex: 1; }
section[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif; font-size: 1.05em; }
h1 { font-size: 1.15em; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 1px solid #ccc; }
th { font-weight: 600; width: 45%; }
ul { margin: 0; padding-inline-start: 4mm; }
.ltr { unicode-bidi: isolate; direction: ltr; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure.qr { display: flex; align-items: center; gap: 6mm; margin: 6mm 0 0; border-top: 1px solid #ccc; padding-top: 4mm; break-inside: avoid; }
figure.qr svg { width: 62mm; height: 62mm; flex: none; }
figcaption p { margin: 0 0 2mm; }
@media print { .no-print { display: none; } }
`;

/**
 * The HTML of the printable extract. The QR code holds the presentation itself (byte mode,
 * low error correction: a presentation of a few facts is 1–2 kB, within a version-40 code).
 */
export async function printableExtractHtml(
  facts: PrintableFacts,
  presentation: string,
): Promise<string> {
  const qr = await QRCode.toString(presentation, {
    type: 'svg',
    errorCorrectionLevel: 'L',
    margin: 4,
    // Sized by its attributes too, so the page holds together where no stylesheet applies.
    width: 260,
  });
  const svg = qr.replace(
    '<svg ',
    `<svg role="img" aria-label="QR ${escapeHtml(facts.code)}" data-extract-code="${escapeHtml(facts.code)}" `,
  );
  return `<!doctype html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<title>Extrait d'acte de naissance ${escapeHtml(facts.code)} — مستخرج من عقد الميلاد</title>
<style>${STYLE}</style>
</head>
<body>
<main class="sheet">
<header>
<p lang="ar" dir="rtl">الجمهورية الجزائرية الديمقراطية الشعبية</p>
<p>République algérienne démocratique et populaire</p>
</header>
<div class="columns">
<section lang="fr" dir="ltr" class="fr">
<h1>Extrait numérique d'acte de naissance</h1>
<table>
${rows(facts, 'fr')}
</table>
</section>
<section lang="ar" dir="rtl" class="ar">
<h1>مستخرج رقمي من عقد الميلاد</h1>
<table>
${rows(facts, 'ar')}
</table>
</section>
</div>
<figure class="qr">
${svg}
<figcaption>
<p lang="ar" dir="rtl">امسح الرمز للتحقق من هذا المستخرج: يحمل الرمز البيانات المعروضة أعلاه فقط، موقعة من السجل الوطني للحالة المدنية.<br>رمز التحقق: ${ltr(facts.code)}</p>
<p>Scannez le code pour vérifier cet extrait : il ne contient que les informations affichées ci-dessus, signées par le registre national de l'état civil.<br>Code de vérification : ${ltr(facts.code)}</p>
</figcaption>
</figure>
</main>
</body>
</html>
`;
}
