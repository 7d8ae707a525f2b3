import { ErrorCode, badInput } from '../kit/errors.js';

/** A VIN: 17 letters and digits, never I, O or Q (ISO 3779). */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function assertVin(value: string, field = 'vin'): string {
  const vin = value.trim().toUpperCase();
  if (!VIN_PATTERN.test(vin)) {
    throw badInput(
      ErrorCode.INVALID_VIN,
      `${field} must be 17 letters and digits without I, O or Q (got "${value.slice(0, 40)}")`,
      field,
    );
  }
  return vin;
}

/** The category digit of an Algerian plate. */
export const CATEGORY_DIGIT = {
  TOURISM: 1,
  TRUCK: 2,
  VAN: 3,
  BUS: 4,
  ROAD_TRACTOR: 5,
  AGRICULTURAL_TRACTOR: 6,
  SPECIAL: 7,
  TRAILER: 8,
  MOTORCYCLE: 9,
} as const;
export type CategoryName = keyof typeof CATEGORY_DIGIT;

/** SSSSS-CYY-WW: serial, category digit and 2-digit year of first registration, wilaya. */
export const PLATE_PATTERN = /^(\d{5})-([1-9])(\d{2})-(\d{2})$/;
export const MAX_PLATE_SERIAL = 99_999;

export function formatPlate(
  serial: number,
  category: CategoryName,
  year: number,
  wilayaCode: string,
): string {
  return `${String(serial).padStart(5, '0')}-${CATEGORY_DIGIT[category]}${String(year % 100).padStart(2, '0')}-${wilayaCode}`;
}

/** The counter a plate serial is drawn from: one per (wilaya, category, year). */
export function plateSeries(category: CategoryName, year: number, wilayaCode: string): string {
  return `plate:${wilayaCode}:${CATEGORY_DIGIT[category]}:${String(year % 100).padStart(2, '0')}`;
}

export function assertPlate(value: string, field = 'plate'): string {
  const plate = value.trim();
  if (!PLATE_PATTERN.test(plate)) {
    throw badInput(
      ErrorCode.INVALID_PLATE,
      `${field} must look like 01234-115-16 (serial-category+year-wilaya)`,
      field,
    );
  }
  return plate;
}
