import { ErrorCode, badInput } from '../kit/errors.js';

/**
 * The rent schedule and what follows from it, as plain functions (no database): rent falls
 * due for each calendar month of the lease, from the month it starts to the month of the
 * day asked (or its last month); arrears are what has fallen due less what was paid.
 */

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

export function monthsDue(lease: { startDate: string; endDate: string }, asOf: string): number {
  if (asOf < lease.startDate) return 0;
  const last = asOf < lease.endDate ? asOf : lease.endDate;
  return monthIndex(last) - monthIndex(lease.startDate) + 1;
}

export interface ArrearsFigures {
  asOf: string;
  monthsDue: number;
  dueCentimes: number;
  paidCentimes: number;
  arrearsCentimes: number;
  monthsInArrears: number;
}

export function arrearsOf(
  lease: { startDate: string; endDate: string; monthlyRentCentimes: number },
  paidCentimes: number,
  asOf: string,
): ArrearsFigures {
  const months = monthsDue(lease, asOf);
  const due = months * lease.monthlyRentCentimes;
  const arrears = Math.max(0, due - paidCentimes);
  return {
    asOf,
    monthsDue: months,
    dueCentimes: due,
    paidCentimes,
    arrearsCentimes: arrears,
    monthsInArrears: Math.floor(arrears / lease.monthlyRentCentimes),
  };
}

/** A notice is issued only when the arrears reach this many months of rent. */
export const NOTICE_THRESHOLD_MONTHS = 2;
/** Days the tenant has to pay after a notice. */
export const NOTICE_DEADLINE_DAYS = 30;

export const periodOf = (iso: string) => iso.slice(0, 7);

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

export const today = () => new Date().toISOString().slice(0, 10);

/** Limits beyond which an amount is a typing error, not a rent (DZD). */
export const MAX_MONTHLY_RENT_DZD = 10_000_000;
export const MAX_PAYMENT_DZD = 100_000_000;
export const MAX_EXPENSE_DZD = 1_000_000_000;
export const MAX_ASSET_VALUE_DZD = 100_000_000_000;
/** A lease longer than this is an error (a concession is another contract). */
export const MAX_LEASE_YEARS = 30;

/** A lease's dates: an end after its start, a plausible length. */
export function assertLeasePeriod(start: string, end: string): void {
  if (end <= start)
    throw badInput(
      ErrorCode.INVALID_DATE_RANGE,
      `endDate (${end}) must come after startDate (${start})`,
      'endDate',
    );
  if (monthIndex(end) - monthIndex(start) > MAX_LEASE_YEARS * 12)
    throw badInput(
      ErrorCode.INVALID_DATE_RANGE,
      `a lease may run at most ${MAX_LEASE_YEARS} years`,
      'endDate',
    );
}

/** Whether two periods [start, end] share a day. */
export const overlaps = (
  a: { startDate: string; endDate: string },
  b: { startDate: string; endDate: string },
) => a.startDate <= b.endDate && b.startDate <= a.endDate;
