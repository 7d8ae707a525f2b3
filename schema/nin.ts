/**
 * The national identification number (NIN) as this platform writes it: 18 digits.
 *
 *   S YYYY CCCC NNNNNNN KK
 *   │ │    │    │       └─ check: 98 − (first 16 digits × 100 mod 97), as in ISO 7064 MOD 97-10
 *   │ │    │    └───────── serial within (sex, year, commune), from 0000001
 *   │ │    └────────────── birth commune code (2-digit wilaya + 2-digit commune)
 *   │ └─────────────────── birth year
 *   └───────────────────── sex: 1 male, 2 female
 *
 * The whole number taken mod 97 equals 1 exactly when the check digits are right, so any
 * single wrong digit and any swap of two adjacent digits are caught.
 */
export const NIN_PATTERN = /^[12]\d{17}$/;

export type NinSex = 'MALE' | 'FEMALE';

export function ninCheckDigits(first16: string): string {
  // (first16 × 100) mod 97 from two halves of 8 digits, each exact in a double (10^8 ≡ 81
  // and 100 ≡ 3 mod 97): what BigInt gives, at a fraction of its cost for the seed's millions.
  const remainder =
    first16.length === 16 && /^\d+$/.test(first16)
      ? ((((Number(first16.slice(0, 8)) % 97) * 81 + Number(first16.slice(8))) % 97) * 3) % 97
      : Number((BigInt(first16) * 100n) % 97n);
  return String(98 - remainder).padStart(2, '0');
}

/** Why a string is not a NIN, or null when it is one. */
export function ninProblem(value: string): string | null {
  if (!/^\d{18}$/.test(value)) return 'a NIN is exactly 18 digits';
  if (!NIN_PATTERN.test(value)) return 'the first digit of a NIN is 1 (male) or 2 (female)';
  if (BigInt(value) % 97n !== 1n) return 'the check digits (last two) do not match: mistyped?';
  return null;
}

export function isNin(value: string): boolean {
  return ninProblem(value) === null;
}

/** The first 9 digits (sex, year, commune): the space within which serials are counted. */
export function ninPrefix(sex: NinSex, birthYear: number, communeCode: string): string {
  if (!/^\d{4}$/.test(communeCode))
    throw new Error(`commune code must be 4 digits: ${communeCode}`);
  if (birthYear < 1000 || birthYear > 9999)
    throw new Error(`birth year out of range: ${birthYear}`);
  return `${sex === 'MALE' ? '1' : '2'}${birthYear}${communeCode}`;
}

export const NIN_MAX_SERIAL = 9_999_999;

export function makeNin(prefix: string, serial: number): string {
  if (serial < 1 || serial > NIN_MAX_SERIAL) throw new Error(`NIN serial out of range: ${serial}`);
  const first16 = prefix + String(serial).padStart(7, '0');
  return first16 + ninCheckDigits(first16);
}

/** The birth commune code written in a NIN (digits 6 to 9). */
export function communeOfNin(nin: string): string {
  return nin.slice(5, 9);
}
