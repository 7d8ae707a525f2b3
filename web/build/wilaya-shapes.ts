import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * The wilayas' outlines, taken at build time from the npm package react-algeria-map (MIT,
 * SVG paths of the 58 wilayas): its component is rendered once to markup here and its
 * paths kept, so the app ships plain data and nothing is fetched at run time. Our
 * registry has the 48 wilayas of 1984; the 10 created in 2019–2021 are drawn as parts
 * of the wilaya they were carved from (their names, as the package spells them).
 */
const CARVED_FROM: Record<string, string> = {
  El_M_x27_Ghair: '39',
  El_Meniaa: '47',
  Ouled_Djellal: '07',
  Bordj_Baji_Mokhtar: '01',
  Béni_Abbès: '08',
  Timimoun: '01',
  Touggourt: '30',
  Djanet: '33',
  In_Salah: '11',
  In_Guezzam: '11',
};

export interface WilayaShape {
  /** The 1984 wilaya this outline belongs to (two digits). */
  code: string;
  d: string;
  /** Part of a wilaya created since 1984: drawn with a dashed inner border. */
  carved: boolean;
}

export function wilayaShapes(): { viewBox: string; shapes: WilayaShape[] } {
  const require = createRequire(import.meta.url);
  const React = require('react') as typeof import('react');
  const { renderToStaticMarkup } = require('react-dom/server') as typeof import('react-dom/server');
  const { Map } = require('react-algeria-map') as {
    Map: (props: { data: object; onWilayaClick: () => void }) => null;
  };
  const svg = renderToStaticMarkup(React.createElement(Map, { data: {}, onWilayaClick() {} }));
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const shapes: WilayaShape[] = [];
  for (const m of svg.matchAll(
    /<(path|polygon)\b[^>]*?\bid="([^"]+)"[^>]*?\b(d|points)="([^"]+)"/g,
  )) {
    const [, , id, attr, geometry] = m as unknown as [string, string, string, string, string];
    const number = /^_x3(\d)_(\d)_(.*)$/.exec(id);
    if (!number) throw new Error(`react-algeria-map: unexpected shape id ${id}`);
    const own = `${number[1]}${number[2]}`;
    const name = number[3]!.replace(/_1_$/, '');
    const carved = Number(own) > 48;
    const code = carved ? CARVED_FROM[name] : own;
    if (!code) throw new Error(`react-algeria-map: no 1984 wilaya for ${id}`);
    const d =
      attr === 'points'
        ? `M${geometry.trim().replace(/\s+/g, ' ')}Z`
        : geometry.replace(/\s+/g, '');
    shapes.push({ code, d, carved });
  }
  const codes = new Set(shapes.map((s) => s.code));
  if (!viewBox || codes.size !== 48) {
    throw new Error(`react-algeria-map: expected the 48 wilayas, found ${codes.size}`);
  }
  return { viewBox, shapes };
}

const ID = 'virtual:wilaya-shapes';

/** `import { viewBox, shapes } from 'virtual:wilaya-shapes'` in the app. */
export function wilayaShapesPlugin(): Plugin {
  return {
    name: 'wilaya-shapes',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const { viewBox, shapes } = wilayaShapes();
      return `export const viewBox = ${JSON.stringify(viewBox)};\nexport const shapes = ${JSON.stringify(shapes)};\n`;
    },
  };
}
