import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows as PostgreSQL's COPY text format (tab-separated, \N for null), column values
 * converted as drizzle converts them for an INSERT (arrays as array literals, JSON as
 * text, numerics as strings), so that a row copied and the same row inserted are equal.
 */
export interface CopyLayout {
  /** `"schema"."table"` */
  target: string;
  /** Quoted column names, in the order of each line's fields. */
  columns: string[];
  encode(rows: readonly Record<string, unknown>[]): string;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function field(column: Column, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const driver = typeof value === 'string' ? value : column.mapToDriverValue(value);
  const text =
    typeof driver === 'string'
      ? driver
      : typeof driver === 'boolean'
        ? driver
          ? 't'
          : 'f'
        : driver instanceof Date
          ? driver.toISOString()
          : typeof driver === 'object'
            ? JSON.stringify(driver)
            : String(driver);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `"schema"."table"`, as COPY and DDL name it. */
export function quoteTarget(table: PgTable): string {
  const { schema } = getTableConfig(table);
  return `${schema ? `${quote(schema)}.` : ''}${quote(getTableName(table))}`;
}

/**
 * The layout for rows shaped like `sample`: every column, except those with a default
 * that the sample does not set (left to their default, as an INSERT that omits them).
 * A key that a row omits is copied as null, which is what INSERT gives too unless the
 * column has a default: that case is refused rather than silently different.
 */
export function copyLayout(table: PgTable, sample: Record<string, unknown>): CopyLayout {
  for (const key of Object.keys(sample))
    if (!(key in getTableColumns(table)))
      throw new Error(`${getTableName(table)} has no column for key "${key}"`);
  const picked = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => key in sample || !column.hasDefault,
  );
  return {
    target: quoteTarget(table),
    columns: picked.map(([, c]) => quote(c.name)),
    encode(rows) {
      let out = '';
      for (const row of rows) {
        let line = '';
        for (let i = 0; i < picked.length; i++) {
          const [key, column] = picked[i]!;
          const value = row[key];
          if (value === undefined && column.hasDefault)
            throw new Error(
              `${getTableName(table)}.${column.name}: some rows omit it and it has a default`,
            );
          line += (i === 0 ? '' : '\t') + field(column, value);
        }
        out += `${line}\n`;
      }
      return out;
    },
  };
}
