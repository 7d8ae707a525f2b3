import { useI18n } from './i18n';

/**
 * A horizontal bar chart in plain SVG. It is decoration for sighted readers: the same
 * figures are in the table beside it, so the SVG is hidden from screen readers.
 */
export function BarChart({
  bars,
  title,
}: {
  bars: { label: string; value: number }[];
  title: string;
}) {
  const { lang, number } = useI18n();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  const labelWidth = 150;
  const width = 420;
  const rtl = lang === 'ar';
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${bars.length * row + 4}`}
        role="img"
        aria-hidden="true"
        width="100%"
      >
        {bars.map((b, i) => {
          const barWidth = ((width - labelWidth - 60) * b.value) / max;
          const y = i * row + 2;
          const x = rtl ? width - labelWidth - barWidth : labelWidth;
          return (
            <g key={b.label}>
              <text
                x={rtl ? width - 4 : 4}
                y={y + 17}
                textAnchor={rtl ? 'end' : 'start'}
                fontSize="13"
                fill="#1f2937"
              >
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              <rect x={x} y={y + 3} width={barWidth} height={row - 8} fill="#1d4ed8" rx="2" />
              <text
                x={rtl ? x - 4 : x + barWidth + 4}
                y={y + 17}
                textAnchor={rtl ? 'end' : 'start'}
                fontSize="12"
                fill="#1f2937"
              >
                {number(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
