import {
  CHECKLISTS,
  ESTABLISHMENT_CATEGORIES,
  scoreOf,
} from '../../subgraphs/hygiene/checklists.js';
import { failuresOf } from '../../subgraphs/hygiene/thresholds.js';
import { DEADLINE_DAYS, REQUEST_CATEGORIES } from '../../subgraphs/hygiene/workflow.js';
import type { CitizenSeedRow } from './citizens.js';
import { Counters } from './counters.js';
import { DAY_MS, addDays, ageOn } from './dates.js';
import { Random } from './random.js';

/** Seeded hygiene data describes the office as of this date, so it never depends on the clock. */
export const HYGIENE_REFERENCE_DATE = '2025-12-31';

const SHOP_NAMES: Record<(typeof ESTABLISHMENT_CATEGORIES)[number], string[]> = {
  BAKERY: ['Boulangerie El Baraka', 'Boulangerie du Marché', 'Pâtisserie Ennour'],
  BUTCHER: ['Boucherie Ouled Djellal', 'Boucherie du Centre'],
  RESTAURANT: ['Restaurant Le Tassili', 'Restaurant El Bahdja', 'Pizzeria La Corniche'],
  CAFE: ['Café des Amis', 'Café Tlemcen', 'Salon de thé Djurdjura'],
  GROCERY: ['Supérette El Amel', 'Alimentation Générale Salam'],
  HAMMAM: ['Hammam El Kheir', 'Hammam Essalam'],
  SCHOOL_CANTEEN: ['Cantine école primaire Ibn Badis', 'Cantine CEM Émir Abdelkader'],
};
const STREETS = [
  'rue Larbi Ben M’hidi',
  'boulevard Zighoud Youcef',
  'rue Hassiba Ben Bouali',
  'cité 1er Novembre',
  'place du 5 Juillet',
];
const DISTRICTS = ['Centre-ville', 'Cité des Oliviers', 'Haï El Badr', 'Quartier de la Gare'];

type Row = Record<string, unknown>;

/**
 * Establishments with their inspections, sampling points with samples, campaigns, and
 * citizens' requests in every state, per batch of citizens: operators and requesters are
 * living adults of the batch, and establishments sit in their operator's birth commune.
 */
export class HygieneGenerator {
  private readonly random: Random;
  private readonly counters = new Counters();
  private readonly communesSeen = new Set<string>();

  constructor(seed: number) {
    this.random = new Random(seed ^ 0x48_59_47);
  }

  get serialsUsed(): ReadonlyMap<string, number> {
    return this.counters.used;
  }

  generate(batch: readonly CitizenSeedRow[]) {
    const out = {
      establishments: [] as Row[],
      inspections: [] as Row[],
      items: [] as Row[],
      points: [] as Row[],
      samples: [] as Row[],
      campaigns: [] as Row[],
      requests: [] as Row[],
      events: [] as Row[],
    };
    const adults = batch.filter(
      (c) => !c.deathDate && ageOn(c.birthDate, HYGIENE_REFERENCE_DATE) >= 20,
    );
    const r = this.random;
    for (const person of adults) {
      if (r.chance(0.03)) this.establishment(person, out);
      if (r.chance(0.03)) this.request(person.birthCommuneCode, person, out);
      if (r.chance(0.015)) this.request(person.birthCommuneCode, null, out);
    }
    return out;
  }

  private establishment(operator: CitizenSeedRow, out: ReturnType<HygieneGenerator['generate']>) {
    const r = this.random;
    const commune = operator.birthCommuneCode;
    this.environment(commune, out);
    const category = r.pick(ESTABLISHMENT_CATEGORIES);
    const id = `EST-${commune}-${String(this.counters.next(`EST-${commune}`)).padStart(6, '0')}`;
    const company = r.chance(0.2);
    const establishment: Row = {
      id,
      name: r.pick(SHOP_NAMES[category]),
      category,
      operatorNin: company ? null : operator.nin,
      operatorNif: company
        ? `0${String(r.int(10_000_000, 99_999_999))}${String(r.int(100_000, 999_999))}`
        : null,
      address: `${r.int(1, 120)} ${r.pick(STREETS)}`,
      communeCode: commune,
      lastScore: null,
      lastInspectionDate: null,
      lastMeasure: null,
      followUpDue: null,
    };
    let date = addDays(HYGIENE_REFERENCE_DATE, -r.int(300, 700));
    let previous: string | null = null;
    for (let n = r.int(0, 3); n > 0; n -= 1) {
      const items = CHECKLISTS[category].map((code) => ({
        code,
        result: r.chance(0.8) ? 'COMPLIANT' : r.chance(0.7) ? 'NON_COMPLIANT' : 'NOT_APPLICABLE',
      })) as { code: string; result: 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' }[];
      const score = scoreOf(items);
      const measure =
        score >= 80
          ? 'NONE'
          : score >= 60
            ? 'WARNING'
            : score >= 40
              ? 'FORMAL_NOTICE'
              : 'CLOSURE_PROPOSED';
      const followUpDue =
        measure === 'FORMAL_NOTICE' || measure === 'CLOSURE_PROPOSED' ? addDays(date, 30) : null;
      const key = `INS-${commune}-${date.slice(0, 4)}`;
      const inspectionId = `${key}-${String(this.counters.next(key)).padStart(6, '0')}`;
      out.inspections.push({
        id: inspectionId,
        establishmentId: id,
        communeCode: commune,
        date,
        inspector: `agent:${commune}:hygiene`,
        score,
        findings: score >= 80 ? 'RAS.' : 'Manquements relevés : voir la liste.',
        measure,
        followUpDue,
        followUpOf: previous,
      });
      for (const item of items) out.items.push({ inspectionId, ...item });
      Object.assign(establishment, {
        lastScore: score,
        lastInspectionDate: date,
        lastMeasure: measure,
        followUpDue,
      });
      previous = followUpDue ? inspectionId : null;
      date = addDays(date, followUpDue ? 30 : r.int(90, 200));
      if (date > HYGIENE_REFERENCE_DATE) break;
    }
    out.establishments.push(establishment);
  }

  /** Two sampling points per commune with monthly samples, and a campaign, the first time a commune is seen. */
  private environment(commune: string, out: ReturnType<HygieneGenerator['generate']>) {
    if (this.communesSeen.has(commune)) return;
    this.communesSeen.add(commune);
    const r = this.random;
    for (const [n, kind] of [
      [1, 'NETWORK_TAP'],
      [2, r.pick(['RESERVOIR', 'WELL', 'SPRING'])],
    ] as const) {
      const pointId = `SP-${commune}-${String(n).padStart(2, '0')}`;
      out.points.push({
        id: pointId,
        name: `${kind === 'NETWORK_TAP' ? 'Robinet' : 'Point'} ${r.pick(DISTRICTS)}`,
        kind,
        communeCode: commune,
      });
      for (let month = 1; month <= 6; month += 1) {
        const measured = {
          freeChlorine:
            Math.round((r.chance(0.9) ? 0.2 + r.next() * 0.6 : r.next() * 0.1) * 100) / 100,
          eColi: r.chance(0.05) ? r.int(1, 20) : 0,
          totalColiforms: r.chance(0.08) ? r.int(1, 50) : 0,
        };
        const failures = failuresOf(measured);
        out.samples.push({
          pointId,
          communeCode: commune,
          takenOn: `2025-${String(month * 2).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
          ...measured,
          compliant: failures.length === 0,
          failures,
          recordedBy: `agent:${commune}:hygiene`,
        });
      }
    }
    const start = addDays(HYGIENE_REFERENCE_DATE, -r.int(20, 300));
    const key = `CMP-${commune}-${start.slice(0, 4)}`;
    out.campaigns.push({
      id: `${key}-${String(this.counters.next(key)).padStart(4, '0')}`,
      communeCode: commune,
      kind: r.pick(['DISINFECTION', 'RODENT_CONTROL', 'INSECT_CONTROL']),
      district: r.pick(DISTRICTS),
      startDate: start,
      endDate: addDays(start, r.int(1, 10)),
      sitesCovered: r.int(5, 80),
      householdsCovered: r.int(100, 3000),
      product: r.pick(['Deltaméthrine', 'Hypochlorite de sodium', 'Bromadiolone']),
    });
  }

  /** A request in any state; those filed recently are still open, some past their deadline. */
  private request(
    commune: string,
    requester: CitizenSeedRow | null,
    out: ReturnType<HygieneGenerator['generate']>,
  ) {
    const r = this.random;
    const category = r.pick(REQUEST_CATEGORIES);
    const filed =
      Date.parse(`${HYGIENE_REFERENCE_DATE}T10:00:00Z`) -
      r.int(0, 200) * DAY_MS -
      r.int(0, 36_000) * 1000;
    const year = new Date(filed).toISOString().slice(0, 4);
    const key = `RQ-${commune}-${year}`;
    const number = `${key}-${String(this.counters.next(key)).padStart(6, '0')}`;
    const path = r.pick([
      ['FILED'],
      ['FILED', 'ASSIGNED'],
      ['FILED', 'ASSIGNED', 'IN_PROGRESS'],
      ['FILED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED'],
      ['FILED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED'],
      ['FILED', 'REJECTED'],
    ]);
    let at = filed;
    const status = path[path.length - 1]!;
    const closed = status === 'RESOLVED' || status === 'REJECTED';
    const justification =
      status === 'RESOLVED'
        ? 'Intervention faite par le service.'
        : status === 'REJECTED'
          ? 'Ne relève pas de la commune.'
          : null;
    path.forEach((to, i) => {
      if (i > 0) at += r.int(3_600, DEADLINE_DAYS[category] * 86_400) * 1000;
      out.events.push({
        requestNumber: number,
        fromStatus: i === 0 ? null : path[i - 1],
        toStatus: to,
        actorKind: i === 0 ? (requester ? 'CITIZEN' : 'ANONYMOUS') : 'AGENT',
        actor:
          i === 0 ? (requester ? `citizen:${requester.nin}` : 'kiosk') : `agent:${commune}:hygiene`,
        note:
          to === 'ASSIGNED' ? 'brigade' : closed && i === path.length - 1 ? justification : null,
        at: new Date(at).toISOString(),
      });
    });
    out.requests.push({
      number,
      communeCode: commune,
      category,
      place: `${r.int(1, 120)} ${r.pick(STREETS)}`,
      text: 'Signalement déposé par un habitant.',
      establishmentId: null,
      requesterNin: requester?.nin ?? null,
      contactPhone:
        requester && r.chance(0.4)
          ? null
          : `0${r.pick([5, 6, 7])}${String(r.int(10_000_000, 99_999_999))}`,
      channel: requester ? 'SIGNED_IN' : 'KIOSK',
      status,
      version: path.length,
      assignee: path.includes('ASSIGNED') ? 'brigade' : null,
      filedAt: new Date(filed).toISOString(),
      deadline: new Date(filed + DEADLINE_DAYS[category] * DAY_MS).toISOString(),
      closedAt: closed ? new Date(at).toISOString() : null,
      justification,
    });
  }
}
