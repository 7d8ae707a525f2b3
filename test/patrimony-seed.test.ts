import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadTerritory } from '../db/seed/communes.js';
import { PATRIMONY_REFERENCE_DATE, PatrimonyGenerator } from '../db/seed/patrimony.js';
import { arrearsOf } from '../subgraphs/patrimony/lease.rules.js';

const codes = loadTerritory().communes.map((c) => c.code);
const tenants = Array.from({ length: 50 }, (_, i) => ({
  nin: `1198${String(i).padStart(14, '0')}`,
}));
const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('seeded patrimony', () => {
  it('is the same for the same seed and size, and scales with the number of citizens', () => {
    const a = new PatrimonyGenerator(7, 400).generate(codes, tenants);
    expect(digest(a)).toBe(digest(new PatrimonyGenerator(7, 400).generate(codes, tenants)));
    expect(digest(new PatrimonyGenerator(8, 400).generate(codes, tenants))).not.toBe(digest(a));
    expect(a.assets).toHaveLength(codes.length * 4);
    expect(new PatrimonyGenerator(7, 3000).generate(codes, tenants).assets).toHaveLength(
      codes.length * 25,
    );
  });

  it('gives every commune a town hall, leases of productive assets only, and some tenants in arrears', () => {
    const p = new PatrimonyGenerator(7, 400).generate(codes, tenants);
    const townHalls = new Set(
      p.assets.filter((a) => a.category === 'TOWN_HALL').map((a) => a.communeCode),
    );
    expect(townHalls.size).toBe(codes.length);
    const productive = new Set(p.assets.filter((a) => a.productive).map((a) => a.inventoryNumber));
    expect(p.leases.every((l) => productive.has(l.assetInventoryNumber))).toBe(true);
    const paid = new Map<string, number>();
    for (const pay of p.payments)
      paid.set(pay.leaseNumber, (paid.get(pay.leaseNumber) ?? 0) + pay.amountCentimes);
    const owing = p.leases.filter(
      (l) => arrearsOf(l, paid.get(l.number) ?? 0, PATRIMONY_REFERENCE_DATE).monthsInArrears >= 2,
    );
    expect(owing.length / p.leases.length).toBeGreaterThan(0.05);
    expect(owing.length / p.leases.length).toBeLessThan(0.5);
    expect(p.notices.length).toBeGreaterThan(0);
    expect(p.cases.length).toBeGreaterThan(0);
  });
});
