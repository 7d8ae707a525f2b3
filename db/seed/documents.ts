import type { CitizenSeedRow } from './citizens.js';
import { Counters } from './counters.js';
import { addDays, addYears, ageOn, dayNumber } from './dates.js';
import { Random } from './random.js';
import { hashTrackingCode, makeTrackingCode } from '../../schema/tracking-code.js';

/** Seeded documents describe the state at the end of this day (the registry's reference). */
export const DOCUMENTS_REFERENCE_DATE = '2025-12-31';

type DocType = 'PASSPORT' | 'NATIONAL_ID_CARD' | 'DRIVING_LICENCE';
const PREFIX: Record<DocType, string> = {
  PASSPORT: 'P',
  NATIONAL_ID_CARD: 'C',
  DRIVING_LICENCE: 'L',
};
const TEN_YEARS_BEFORE = addDays(DOCUMENTS_REFERENCE_DATE, -3650);
const REFERENCE_DAY = dayNumber(DOCUMENTS_REFERENCE_DATE);
const OPEN = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PRODUCTION', 'READY'] as const;

export interface DocumentSeedRow {
  number: string;
  type: DocType;
  categories: string[];
  holderNin: string;
  issuingCommuneCode: string;
  issueDate: string;
  expiryDate: string;
  status: 'ACTIVE' | 'EXPIRED' | 'LOST';
  applicationNumber: null;
}

export interface ApplicationSeedRow {
  number: string;
  type: DocType;
  categories: string[];
  reason: 'FIRST' | 'RENEWAL';
  nin: string;
  applicantBirthDate: string;
  counterCommuneCode: string;
  contactPhone: string;
  trackingCodeHash: string;
  status: (typeof OPEN)[number];
  version: number;
  previousDocumentNumber: string | null;
  submittedBy: string;
  submittedAt: string;
  updatedAt: string;
}

export interface ApplicationEventSeedRow {
  applicationNumber: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actor: string;
  reason: null;
  at: string;
}

/**
 * The receipt's tracking code of a seeded application: drawn from its own PRNG stream,
 * seeded by the seed and the application number, so that it is reproducible (a test or a
 * developer can compute it) and the main stream, hence every other seeded row, is the same
 * as before codes existed. Real applications get theirs from the system's CSPRNG.
 */
export function seededTrackingCode(seed: number, applicationNumber: string): string {
  let h = 0x811c9dc5; // FNV-1a of the number
  for (const ch of applicationNumber) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const rng = new Random((seed ^ 0x7c0de5 ^ h) >>> 0);
  return makeTrackingCode(() => Math.floor(rng.next() * 256));
}

/**
 * Documents and open applications for seeded citizens, consistent with their ages and
 * the registry: identity cards from 12, licences from 18, none for the dead. The same
 * citizens in the same order give the same documents.
 */
export class DocumentGenerator {
  private readonly rng: Random;
  private readonly counters = new Counters();

  constructor(private readonly seed: number) {
    this.rng = new Random((seed ^ 0x0d0c5eed) >>> 0);
  }

  /** Last serial used per key (document prefix + wilaya, application year). */
  get serialsUsed(): ReadonlyMap<string, number> {
    return this.counters.used;
  }

  private documentNumber(type: DocType, commune: string): string {
    const key = `${PREFIX[type]}${commune.slice(0, 2)}`;
    return `${key}${String(this.counters.next(key)).padStart(7, '0')}`;
  }

  generate(citizens: readonly CitizenSeedRow[]): {
    documents: DocumentSeedRow[];
    applications: ApplicationSeedRow[];
    events: ApplicationEventSeedRow[];
  } {
    const documents: DocumentSeedRow[] = [];
    const applications: ApplicationSeedRow[] = [];
    const events: ApplicationEventSeedRow[] = [];
    const rng = this.rng;
    const ref = DOCUMENTS_REFERENCE_DATE;
    for (const c of citizens) {
      if (c.deathDate) continue;
      const age = ageOn(c.birthDate, ref);
      const issue = (type: DocType, minAge: number, categories: string[] = []) => {
        const byAge = addYears(c.birthDate, minAge);
        const earliest = byAge > TEN_YEARS_BEFORE ? byAge : TEN_YEARS_BEFORE;
        const span = Math.max(0, REFERENCE_DAY - dayNumber(earliest));
        const issueDate = addDays(earliest, rng.int(0, Math.floor(span)));
        const expiryDate = addYears(issueDate, 10);
        const doc: DocumentSeedRow = {
          number: this.documentNumber(type, c.birthCommuneCode),
          type,
          categories,
          holderNin: c.nin,
          issuingCommuneCode: c.birthCommuneCode,
          issueDate,
          expiryDate,
          status: rng.chance(0.01) ? 'LOST' : expiryDate < ref ? 'EXPIRED' : 'ACTIVE',
          applicationNumber: null,
        };
        documents.push(doc);
        return doc;
      };
      const held = new Set<DocType>();
      if (age >= 12 && rng.chance(0.85)) held.add(issue('NATIONAL_ID_CARD', 12).type);
      if (rng.chance(0.3)) held.add(issue('PASSPORT', 0).type);
      if (age >= 18 && rng.chance(c.sex === 'MALE' ? 0.45 : 0.2)) {
        const cats = [
          'B',
          ...(rng.chance(0.1) ? ['A'] : []),
          ...(age >= 21 && rng.chance(0.08) ? ['C'] : []),
        ].sort();
        held.add(issue('DRIVING_LICENCE', 18, cats).type);
      }
      // A few citizens have an application under way at a counter.
      if (age >= 18 && rng.chance(0.03)) {
        const type: DocType = held.has('PASSPORT') ? 'NATIONAL_ID_CARD' : 'PASSPORT';
        const previous = documents.filter((d) => d.holderNin === c.nin && d.type === type).pop();
        const status = rng.pick(OPEN);
        const submitted = `${addDays(ref, -rng.int(1, 40))}T09:${String(rng.int(10, 59))}:00.000Z`;
        const number = `APP-${submitted.slice(0, 4)}-${String(this.counters.next(`APP-${submitted.slice(0, 4)}`)).padStart(8, '0')}`;
        const agent = `agent-${c.birthCommuneCode}-001`;
        const steps = OPEN.slice(0, OPEN.indexOf(status) + 1);
        applications.push({
          number,
          type,
          categories: [],
          reason: previous ? 'RENEWAL' : 'FIRST',
          nin: c.nin,
          applicantBirthDate: c.birthDate,
          counterCommuneCode: c.birthCommuneCode,
          contactPhone: `0${rng.pick(['5', '6', '7'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          trackingCodeHash: hashTrackingCode(number, seededTrackingCode(this.seed, number)),
          status,
          version: steps.length,
          previousDocumentNumber: previous?.number ?? null,
          submittedBy: agent,
          submittedAt: submitted,
          updatedAt: submitted,
        });
        steps.forEach((to, i) =>
          events.push({
            applicationNumber: number,
            fromStatus: i === 0 ? null : steps[i - 1]!,
            toStatus: to,
            actorKind: to === 'IN_PRODUCTION' || to === 'READY' ? 'MINISTRY' : 'AGENT',
            actor: to === 'IN_PRODUCTION' || to === 'READY' ? 'client:interior-portal' : agent,
            reason: null,
            at: submitted,
          }),
        );
      }
    }
    return { documents, applications, events };
  }
}
