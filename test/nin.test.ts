import { describe, expect, it } from 'vitest';
import { isNin, makeNin, ninPrefix, ninProblem } from '../schema/nin.js';

describe('the NIN convention', () => {
  const nin = makeNin(ninPrefix('FEMALE', 1990, '1601'), 42);

  it('is 18 digits: sex, birth year, commune, serial, check', () => {
    expect(nin).toMatch(/^2199016010000042\d{2}$/);
    expect(isNin(nin)).toBe(true);
    expect(BigInt(nin) % 97n).toBe(1n);
  });

  it('catches every single wrong digit and every swap of adjacent digits', () => {
    for (let i = 0; i < 18; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = nin.slice(0, i) + d + nin.slice(i + 1);
        if (changed !== nin) expect(isNin(changed), changed).toBe(false);
      }
      if (i < 17 && nin[i] !== nin[i + 1]) {
        const swapped = nin.slice(0, i) + nin[i + 1] + nin[i] + nin.slice(i + 2);
        expect(isNin(swapped), swapped).toBe(false);
      }
    }
  });

  it('says what is wrong', () => {
    expect(ninProblem('123')).toMatch(/18 digits/);
    expect(ninProblem('3' + nin.slice(1))).toMatch(/first digit/);
    expect(ninProblem(nin.slice(0, 16) + '00')).toMatch(/check digits/);
  });
});
