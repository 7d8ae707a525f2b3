import { SafeIntResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { ErrorCode, badInput } from './errors.js';

/**
 * Money is counted in whole centimes (1 DZD = 100 centimes), as safe integers: sums are
 * exact, in SQL (bigint) and here, and no float ever holds an amount. Clients give
 * amounts as decimal strings ("15000.50"), read back both forms.
 */
@ObjectType({ description: 'An exact amount of Algerian dinars.' })
@Directive('@shareable')
export class Money {
  @Field(() => SafeIntResolver, { description: 'The amount in centimes (1 DZD = 100 centimes).' })
  centimes!: number;

  @Field(() => String, { description: 'The amount in DZD, with two decimals: "15000.50".' })
  dzd!: string;
}

export const money = (centimes: number): Money => ({ centimes, dzd: formatDzd(centimes) });

export function formatDzd(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DZD_PATTERN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * An amount typed by a person, as a decimal string, to centimes: positive, at most two
 * decimals, and no more than `max` DZD (what is absurd depends on what is paid).
 */
export function parseDzd(value: string, field: string, maxDzd: number): number {
  const match = DZD_PATTERN.exec(value.trim());
  if (!match) {
    throw badInput(
      ErrorCode.INVALID_AMOUNT,
      `${field} must be an amount in DZD such as "15000" or "15000.50": digits, at most two decimals, no sign (got "${value.slice(0, 30)}")`,
      field,
    );
  }
  const centimes = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (centimes <= 0 || centimes > maxDzd * 100) {
    throw badInput(
      ErrorCode.INVALID_AMOUNT,
      `${field} must be more than 0 and at most ${maxDzd} DZD (got ${value.slice(0, 30)})`,
      field,
    );
  }
  return centimes;
}

/** A sum read from SQL (bigint arrives as a string or a number): exact, or an error. */
export function centimesOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`amount beyond exact integers: ${String(value)}`);
  return n;
}
