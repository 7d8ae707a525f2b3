import { Counters } from './counters.js';
import { addDays, addYears } from './dates.js';
import { Random } from './random.js';

/** Seeded patrimony describes the communes as of this date, so it never depends on the clock. */
export const PATRIMONY_REFERENCE_DATE = '2025-12-31';

type Category =
  | 'COMMERCIAL_PREMISES'
  | 'MARKET_STALL'
  | 'KIOSK'
  | 'SLAUGHTERHOUSE'
  | 'PARKING'
  | 'HOUSING'
  | 'LAND'
  | 'TOWN_HALL'
  | 'SCHOOL_BUILDING'
  | 'ROAD'
  | 'GREEN_SPACE'
  | 'SPORTS_GROUND'
  | 'CEMETERY'
  | 'MOSQUE'
  | 'YOUTH_CENTRE';

/** What a commune typically holds, with a plausible surface (m²) and monthly rent (DZD). */
const PRODUCTIVE: readonly {
  category: Category;
  name: string;
  m2: [number, number];
  rent: [number, number];
}[] = [
  {
    category: 'COMMERCIAL_PREMISES',
    name: 'Local commercial',
    m2: [20, 120],
    rent: [8_000, 60_000],
  },
  { category: 'MARKET_STALL', name: 'Étal du marché couvert', m2: [4, 12], rent: [1_500, 6_000] },
  { category: 'KIOSK', name: 'Kiosque', m2: [6, 15], rent: [3_000, 12_000] },
  { category: 'HOUSING', name: 'Logement communal', m2: [45, 110], rent: [4_000, 15_000] },
  { category: 'PARKING', name: 'Parking', m2: [300, 3000], rent: [20_000, 120_000] },
  { category: 'LAND', name: 'Terrain', m2: [200, 5000], rent: [5_000, 40_000] },
  {
    category: 'SLAUGHTERHOUSE',
    name: 'Abattoir communal',
    m2: [400, 1500],
    rent: [60_000, 250_000],
  },
];
const PUBLIC: readonly { category: Category; name: string; m2: [number, number] }[] = [
  { category: 'TOWN_HALL', name: 'Siège de l’APC', m2: [600, 3000] },
  { category: 'SCHOOL_BUILDING', name: 'École primaire', m2: [1500, 6000] },
  { category: 'ROAD', name: 'Voirie communale', m2: [2000, 40000] },
  { category: 'GREEN_SPACE', name: 'Jardin public', m2: [500, 20000] },
  { category: 'SPORTS_GROUND', name: 'Stade communal', m2: [5000, 20000] },
  { category: 'CEMETERY', name: 'Cimetière', m2: [5000, 50000] },
  { category: 'YOUTH_CENTRE', name: 'Maison de jeunes', m2: [400, 2000] },
];
const STREETS = [
  'rue du 1er Novembre',
  'boulevard de l’ALN',
  'rue Larbi Ben M’hidi',
  'place des Martyrs',
  'cité 500 logements',
  'route nationale',
];
const COMPANIES = [
  'SARL El Baraka',
  'EURL Nour Distribution',
  'SARL Atlas Services',
  'SNC Frères Hamidi',
  'EURL Tassili Commerce',
];
const COURTS = ['Tribunal administratif', 'Tribunal', 'Cour'];

export interface TenantCandidate {
  nin: string;
}

/** The citizens leases may go to: an array, or a compact list (db/seed/nin-list.ts). */
export interface TenantPool {
  readonly length: number;
  at(index: number): TenantCandidate | undefined;
}

/**
 * Every commune's patrimony: a town hall and other public assets, productive assets
 * leased to seeded citizens or companies, quarterly rents (some tenants stop paying),
 * expenses, a notice for the worst payers and a few cases. Same seed, same rows. The
 * number of assets scales with SEED_CITIZENS (a few dozen per commune at 3000).
 */
export class PatrimonyGenerator {
  private readonly rng: Random;
  readonly patrimonyCounters = new Counters();
  readonly disputesCounters = new Counters();

  constructor(
    seed: number,
    private readonly citizens: number,
  ) {
    this.rng = new Random((seed ^ 0x5a7e1d0c) >>> 0);
  }

  private money(range: [number, number]): number {
    return this.rng.int(range[0], range[1]) * 100;
  }

  generate(communeCodes: readonly string[], tenants: TenantPool) {
    const rng = this.rng;
    const ref = PATRIMONY_REFERENCE_DATE;
    const perCommune = Math.min(36, Math.max(4, Math.round(this.citizens / 120)));
    const assets = [];
    const leases = [];
    const payments = [];
    const expenses = [];
    const notices = [];
    const cases = [];
    const hearings = [];
    const events = [];
    const c = this.patrimonyCounters;
    for (const commune of communeCodes) {
      for (let i = 0; i < perCommune; i++) {
        const productive = i > 0 && rng.chance(0.6); // the first asset is the town hall
        const kind = productive ? rng.pick(PRODUCTIVE) : i === 0 ? PUBLIC[0]! : rng.pick(PUBLIC);
        const inventoryNumber = `PAT-${commune}-${String(c.next(`asset:${commune}`)).padStart(6, '0')}`;
        const acquired = addDays(`${rng.int(1965, 2022)}-01-01`, rng.int(0, 364));
        assets.push({
          inventoryNumber,
          communeCode: commune,
          category: kind.category,
          productive,
          name: `${kind.name} n° ${i + 1}`,
          address: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
          surfaceSquareMetres: rng.int(kind.m2[0], kind.m2[1]),
          acquisitionDate: acquired,
          acquisitionValueCentimes: rng.int(50, 5000) * 10_000_00,
          legalStatus: productive ? ('PRIVATE_DOMAIN' as const) : ('PUBLIC_DOMAIN' as const),
          condition: rng.pick(['GOOD', 'GOOD', 'FAIR', 'POOR'] as const),
        });
        for (const year of [2024, 2025]) {
          for (let e = rng.int(0, 2); e > 0; e--) {
            expenses.push({
              assetInventoryNumber: inventoryNumber,
              communeCode: commune,
              kind: rng.pick(['MAINTENANCE', 'WORKS', 'INSURANCE', 'UTILITIES'] as const),
              spentOn: addDays(`${year}-01-01`, rng.int(0, 364)),
              amountCentimes: rng.int(5_000, 400_000) * 100,
              description: 'Entretien et réparations',
              recordedBy: 'seed',
            });
          }
        }
        if (!productive || !rng.chance(0.7)) continue;
        const rent = 'rent' in kind ? this.money(kind.rent as [number, number]) : 0;
        const start = `${addDays(ref, -rng.int(30, 720)).slice(0, 7)}-01`;
        // The same draw as rng.pick on an array.
        const citizen =
          tenants.length > 0 && rng.chance(0.65)
            ? tenants.at(Math.floor(rng.next() * tenants.length))!
            : null;
        const year = start.slice(0, 4);
        const number = `BAIL-${commune}-${year}-${String(c.next(`lease:${commune}:${year}`)).padStart(6, '0')}`;
        leases.push({
          number,
          assetInventoryNumber: inventoryNumber,
          communeCode: commune,
          tenantNin: citizen?.nin ?? null,
          tenantNif: citizen
            ? null
            : `0000${commune}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
          tenantName: citizen ? null : rng.pick(COMPANIES),
          tenantPhone: `0${rng.pick([5, 6, 7])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          startDate: start,
          endDate: addDays(addYears(start, rng.int(3, 9)), -1),
          monthlyRentCentimes: rent,
          depositCentimes: rent * 2,
          status: 'ACTIVE' as const,
          version: 1,
        });
        // Rent is paid by the quarter; a defaulter stops at some point.
        const stopsAfter = rng.chance(0.2) ? rng.int(0, 4) : Infinity;
        let paidQuarters = 0;
        for (let q = start; q <= ref && paidQuarters < stopsAfter; q = addMonths(q, 3)) {
          const paidOn = addDays(q, rng.int(0, 20));
          if (paidOn > ref) break;
          const receiptNumber = `QUIT-${commune}-${paidOn.slice(0, 4)}-${String(c.next(`receipt:${commune}:${paidOn.slice(0, 4)}`)).padStart(6, '0')}`;
          payments.push({
            leaseNumber: number,
            receiptNumber,
            paidOn,
            amountCentimes: rent * 3,
            recordedBy: 'seed',
          });
          paidQuarters += 1;
        }
        if (stopsAfter !== Infinity && paidQuarters <= 2) {
          const issuedOn = addDays(ref, -rng.int(40, 90));
          const noticeNumber = `MED-${commune}-${issuedOn.slice(0, 4)}-${String(c.next(`notice:${commune}:${issuedOn.slice(0, 4)}`)).padStart(6, '0')}`;
          const monthsDue = monthsBetween(start, issuedOn);
          const due = Math.max(0, monthsDue * rent - paidQuarters * 3 * rent);
          if (due < 2 * rent) continue;
          notices.push({
            number: noticeNumber,
            leaseNumber: number,
            communeCode: commune,
            period: issuedOn.slice(0, 7),
            amountDueCentimes: due,
            issuedOn,
            deadline: addDays(issuedOn, 30),
            issuedBy: 'seed',
          });
          if (rng.chance(0.5)) {
            const opened = addDays(issuedOn, 35);
            const caseNumber = this.caseNumber(commune, opened);
            cases.push({
              number: caseNumber,
              communeCode: commune,
              role: 'PLAINTIFF' as const,
              court: `${rng.pick(COURTS)} de la wilaya ${commune.slice(0, 2)}`,
              level: 'FIRST_INSTANCE' as const,
              subject: 'LEASE_ARREARS' as const,
              partyKind: citizen ? ('CITIZEN' as const) : ('COMPANY' as const),
              partyNin: citizen?.nin ?? null,
              partyNif: citizen ? null : leases[leases.length - 1]!.tenantNif,
              partyName: citizen ? null : leases[leases.length - 1]!.tenantName,
              lawyer: 'Me Benali',
              amountClaimedCentimes: due,
              leaseNumber: number,
              noticeNumber,
              status: 'OPEN' as const,
              openedOn: opened,
              judgmentDate: null,
              decision: null,
              amountAwardedCentimes: null,
              version: 1,
            });
            events.push({
              caseNumber,
              fromStatus: null,
              toStatus: 'OPEN',
              level: 'FIRST_INSTANCE' as const,
              at: `${opened}T09:00:00Z`,
              actor: 'seed',
              note: `opened from formal notice ${noticeNumber}`,
            });
            hearings.push({
              caseNumber,
              level: 'FIRST_INSTANCE' as const,
              date: addDays(opened, 14),
              outcome: 'Renvoi',
              recordedBy: 'seed',
            });
          }
        }
      }
      // Now and then the commune is sued by, or sues, another administration or a company.
      if (rng.chance(0.3)) {
        const opened = addDays(ref, -rng.int(30, 600));
        const caseNumber = this.caseNumber(commune, opened);
        const subject = rng.pick([
          'CONTRACT',
          'EXPROPRIATION',
          'EMPLOYMENT',
          'URBAN_PLANNING',
          'LIABILITY',
        ] as const);
        const judged = rng.chance(0.4);
        const judgmentDate = judged ? addDays(opened, rng.int(60, 300)) : null;
        const decision = judged ? rng.pick(['WON', 'LOST', 'PARTLY_WON'] as const) : null;
        cases.push({
          number: caseNumber,
          communeCode: commune,
          role: rng.pick(['PLAINTIFF', 'DEFENDANT'] as const),
          court: `Tribunal administratif de la wilaya ${commune.slice(0, 2)}`,
          level: 'FIRST_INSTANCE' as const,
          subject,
          partyKind: rng.chance(0.5) ? ('COMPANY' as const) : ('ADMINISTRATION' as const),
          partyNin: null,
          partyNif: null,
          partyName: rng.pick(COMPANIES),
          lawyer: 'Me Kaci',
          amountClaimedCentimes: rng.int(100_000, 20_000_000) * 100,
          leaseNumber: null,
          noticeNumber: null,
          status: judged && judgmentDate! <= ref ? ('JUDGED' as const) : ('OPEN' as const),
          openedOn: opened,
          judgmentDate: judged && judgmentDate! <= ref ? judgmentDate : null,
          decision: judged && judgmentDate! <= ref ? decision : null,
          amountAwardedCentimes: null,
          version: 1,
        });
        events.push({
          caseNumber,
          fromStatus: null,
          toStatus: 'OPEN',
          level: 'FIRST_INSTANCE' as const,
          at: `${opened}T09:00:00Z`,
          actor: 'seed',
          note: null,
        });
        hearings.push({
          caseNumber,
          level: 'FIRST_INSTANCE' as const,
          date: addDays(opened, 30),
          outcome: 'Plaidoiries',
          recordedBy: 'seed',
        });
        if (judged && judgmentDate! <= ref)
          events.push({
            caseNumber,
            fromStatus: 'OPEN',
            toStatus: 'JUDGED',
            level: 'FIRST_INSTANCE' as const,
            at: `${judgmentDate}T12:00:00Z`,
            actor: 'seed',
            note: decision,
          });
      }
    }
    return { assets, leases, payments, expenses, notices, cases, hearings, events };
  }

  private caseNumber(commune: string, opened: string) {
    const year = opened.slice(0, 4);
    return `AFF-${commune}-${year}-${String(this.disputesCounters.next(`case:${commune}:${year}`)).padStart(5, '0')}`;
  }
}

function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${iso.slice(8, 10)}`;
}

function monthsBetween(start: string, day: string): number {
  const idx = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return idx(day) - idx(start) + 1;
}
