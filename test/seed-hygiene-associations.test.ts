import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssociationGenerator } from '../db/seed/associations.js';
import { CitizenGenerator } from '../db/seed/citizens.js';
import { loadTerritory } from '../db/seed/communes.js';
import { HygieneGenerator } from '../db/seed/hygiene.js';
import { CHECKLISTS } from '../subgraphs/hygiene/checklists.js';
import { REQUEST_STATUSES } from '../subgraphs/hygiene/workflow.js';
import { ASSOCIATION_STATUSES } from '../subgraphs/associations/workflow.js';

const communeCodes = loadTerritory().communes.map((c) => c.code);
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The hygiene and associations seed of a run, batch by batch as db/seed/index.ts makes it. */
function generate(seed: number, count: number) {
  const hygiene = new HygieneGenerator(seed);
  const associations = new AssociationGenerator(seed);
  const out = { hygiene: [] as unknown[], associations: [] as unknown[] };
  for (const batch of new CitizenGenerator({ seed, count, communeCodes }).batches(1000)) {
    out.hygiene.push(hygiene.generate(batch));
    out.associations.push(associations.generate(batch));
  }
  return out as {
    hygiene: ReturnType<HygieneGenerator['generate']>[];
    associations: ReturnType<AssociationGenerator['generate']>[];
  };
}

describe('hygiene and associations seed', () => {
  it('is reproducible: the same seed and size give the same data, another seed other data', () => {
    expect(digest(generate(11, 3000))).toBe(digest(generate(11, 3000)));
    expect(digest(generate(12, 3000))).not.toBe(digest(generate(11, 3000)));
  });

  it('has requests and associations in every state, and inspections that answer their checklist', () => {
    const { hygiene, associations } = generate(11, 5000);
    const requests = hygiene.flatMap((b) => b.requests) as { status: string; channel: string }[];
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES));
    expect(new Set(requests.map((r) => r.channel))).toEqual(new Set(['SIGNED_IN', 'KIOSK']));
    const clubs = associations.flatMap((b) => b.associations) as { status: string }[];
    expect(new Set(clubs.map((a) => a.status))).toEqual(new Set(ASSOCIATION_STATUSES));
    const establishments = new Map(
      hygiene
        .flatMap((b) => b.establishments)
        .map((e) => [e.id as string, e.category as keyof typeof CHECKLISTS]),
    );
    const inspections = hygiene.flatMap((b) => b.inspections) as {
      id: string;
      establishmentId: string;
    }[];
    const items = hygiene.flatMap((b) => b.items) as { inspectionId: string; code: string }[];
    expect(inspections.length).toBeGreaterThan(20);
    for (const i of inspections) {
      const codes = items
        .filter((it) => it.inspectionId === i.id)
        .map((it) => it.code)
        .sort();
      expect(codes).toEqual([...CHECKLISTS[establishments.get(i.establishmentId)!]].sort());
    }
    const samples = hygiene.flatMap((b) => b.samples) as { compliant: boolean }[];
    expect(samples.some((s) => !s.compliant)).toBe(true);
  });
});
