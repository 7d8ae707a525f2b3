import { createRequire } from 'node:module';

/**
 * Wilayas, daïras and communes from @dzcode-io/leblad (MIT). Its data carries Arabic and
 * French names for all three levels, and Tamazight names, phone and postal codes for
 * wilayas only; codes are numbers there and official codes are zero-padded strings here.
 */
interface LebladCommune {
  code: number;
  name: string;
  name_ar: string;
}
interface LebladDaira {
  code: number;
  name: string;
  name_ar: string;
  baladyiats?: LebladCommune[];
}
interface LebladWilaya {
  mattricule: number;
  name: string;
  name_ar: string;
  name_en?: string;
  name_ber?: string;
  phoneCodes?: number[];
  postalCodes?: number[];
  adjacentWilayas?: number[];
  dairats?: LebladDaira[];
}

export interface TerritorySeed {
  wilayas: {
    code: string;
    nameAr: string;
    nameFr: string;
    nameEn: string | null;
    nameBer: string | null;
    phoneCodes: number[];
    postalCodes: string[];
    adjacentWilayaCodes: string[];
  }[];
  dairas: { code: string; wilayaCode: string; nameAr: string; nameFr: string }[];
  communes: {
    code: string;
    wilayaCode: string;
    dairaCode: string;
    nameAr: string;
    nameFr: string;
    nameBer: string | null;
    postalCode: string | null;
  }[];
  /** Entries the source lists twice under the same code; the first one is kept. */
  duplicatesSkipped: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** French names come upper-case in the source; show them as people write them. */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'’(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .trim();
}

export function loadTerritory(): TerritorySeed {
  const require = createRequire(import.meta.url);
  const source = require('@dzcode-io/leblad/data/WilayaList.json') as LebladWilaya[];
  const out: TerritorySeed = { wilayas: [], dairas: [], communes: [], duplicatesSkipped: 0 };
  const seenDairas = new Set<string>();
  const seenCommunes = new Set<string>();
  for (const w of source) {
    const wilayaCode = pad(w.mattricule, 2);
    out.wilayas.push({
      code: wilayaCode,
      nameAr: w.name_ar,
      nameFr: w.name,
      nameEn: w.name_en ?? null,
      nameBer: w.name_ber ?? null,
      phoneCodes: w.phoneCodes ?? [],
      postalCodes: (w.postalCodes ?? []).map((p) => pad(p, 5)).sort(),
      adjacentWilayaCodes: (w.adjacentWilayas ?? []).map((a) => pad(a, 2)),
    });
    for (const d of w.dairats ?? []) {
      const dairaCode = pad(d.code, 4);
      if (seenDairas.has(dairaCode)) out.duplicatesSkipped += 1;
      else {
        seenDairas.add(dairaCode);
        out.dairas.push({
          code: dairaCode,
          wilayaCode,
          nameAr: d.name_ar,
          nameFr: titleCase(d.name),
        });
      }
      for (const c of d.baladyiats ?? []) {
        const code = pad(c.code, 4);
        if (seenCommunes.has(code)) {
          out.duplicatesSkipped += 1;
          continue;
        }
        seenCommunes.add(code);
        out.communes.push({
          code,
          wilayaCode,
          dairaCode,
          nameAr: c.name_ar,
          nameFr: titleCase(c.name),
          nameBer: null,
          postalCode: null,
        });
      }
    }
  }
  return out;
}
