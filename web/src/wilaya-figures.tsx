import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { TableWrap } from './ui';
import { WilayaMap } from './wilaya-map';

export interface WilayaFigure {
  code: string;
  /** What the map colours the wilaya by. */
  value: number;
  /** The table's figures for this wilaya, one per column. */
  cells: readonly number[];
}

/**
 * One figure by wilaya, shown twice: as the map (with whatever charts go under it) and as
 * the table beside it, which holds the exact numbers for those who do not read maps.
 */
export function WilayaFigures({
  id,
  title,
  unit,
  names,
  columns,
  rows,
  children,
}: {
  /** Names the map (`${id}-map`) and the table (`${id}-table`) for tests and anchors. */
  id: string;
  title: string;
  unit: string;
  names: ReadonlyMap<string, string>;
  /** Headers of the columns after the wilaya's. */
  columns: readonly string[];
  rows: readonly WilayaFigure[];
  children?: ReactNode;
}) {
  const { t, number } = useI18n();
  return (
    <div className="split">
      <div>
        <WilayaMap
          id={`${id}-map`}
          title={title}
          unit={unit}
          values={new Map(rows.map((r) => [r.code, r.value]))}
          names={names}
        />
        {children}
      </div>
      <TableWrap label={title}>
        <table data-testid={`${id}-table`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wilaya')}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <span dir="ltr">{r.code}</span> {names.get(r.code)}
                </th>
                {r.cells.map((n, i) => (
                  <td key={columns[i]}>{number(n)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
