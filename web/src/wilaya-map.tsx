import { shapes, viewBox } from 'virtual:wilaya-shapes';
import { useState } from 'react';
import { useI18n } from './i18n';

/**
 * Five classes of blue, light to dark (the legend's swatches in styles.css: .swatch.c0–c4); every wilaya is outlined in dark grey, so a
 * wilaya stands out from its neighbours whatever its class (WCAG 1.4.11), and the
 * exact figure is in its label, in the line under the map and in the table beside it.
 */
const CLASSES = ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'] as const;
const NO_DATA = '#f3f4f6';

const byCode = new Map<string, { d: string; carved: boolean }[]>();
for (const s of shapes) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);

/** Class bounds: equal steps up to the largest figure (rounded), so the legend reads simply. */
function bounds(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / CLASSES.length));
  return CLASSES.map((_, i) => step * (i + 1));
}

/**
 * A choropleth of the 48 wilayas (outlines from the npm package react-algeria-map, see
 * web/build/wilaya-shapes.ts). Each wilaya is focusable, named with its figure, and the
 * focused or hovered one is spelled out under the map.
 */
export function WilayaMap({
  id,
  title,
  unit,
  values,
  names,
}: {
  id: string;
  title: string;
  /** What is counted, for the labels: "documents", "consultations". */
  unit: string;
  values: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string>;
}) {
  const { number, t } = useI18n();
  const [current, setCurrent] = useState<string | null>(null);
  const max = Math.max(0, ...values.values());
  const limits = bounds(max);
  const classOf = (v: number) => limits.findIndex((limit) => v <= limit);
  const label = (code: string) =>
    `${names.get(code) ?? code} (${code}): ${number(values.get(code) ?? 0)} ${unit}`;
  return (
    <figure className="map" data-testid={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={viewBox} role="group" aria-labelledby={`${id}-title`} width="100%">
        {[...byCode.entries()].map(([code, parts]) => {
          const value = values.get(code) ?? 0;
          const fill = value > 0 ? CLASSES[classOf(value)] : NO_DATA;
          return (
            <g
              key={code}
              className="wilaya"
              data-code={code}
              data-value={value}
              tabIndex={0}
              role="img"
              aria-label={label(code)}
              onFocus={() => setCurrent(code)}
              onBlur={() => setCurrent(null)}
              onMouseEnter={() => setCurrent(code)}
              onMouseLeave={() => setCurrent(null)}
            >
              <title>{label(code)}</title>
              {parts.map((p, i) => (
                <path key={i} d={p.d} fill={fill} className={p.carved ? 'carved' : undefined} />
              ))}
            </g>
          );
        })}
      </svg>
      <p className="map-current" aria-live="polite">
        {current ? label(current) : t('mapHint')}
      </p>
      <ul className="legend" aria-label={`${t('legend')}: ${title}`}>
        <li>
          <span className="swatch none" aria-hidden="true" />
          {number(0)}
        </li>
        {limits.map((limit, i) => (
          <li key={limit}>
            <span className={`swatch c${i}`} aria-hidden="true" />
            {i === 0
              ? `${number(1)}–${number(limit)}`
              : `${number(limits[i - 1]! + 1)}–${number(limit)}`}
          </li>
        ))}
      </ul>
    </figure>
  );
}
