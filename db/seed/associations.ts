import { nameKey } from '../../subgraphs/associations/association.rules.js';
import { ASSOCIATION_DOMAINS } from '../tables/associations.js';
import { LEGAL_DELAY_DAYS, MIN_FOUNDERS } from '../../subgraphs/associations/workflow.js';
import type { CitizenSeedRow } from './citizens.js';
import { Counters } from './counters.js';
import { addDays, ageOn } from './dates.js';
import { Random } from './random.js';

/** Seeded associations describe the registry as of this date, so they never depend on the clock. */
export const ASSOCIATIONS_REFERENCE_DATE = '2025-12-31';

const NAMES: Record<(typeof ASSOCIATION_DOMAINS)[number], [string, string]> = {
  CULTURE: ['Association culturelle', 'الجمعية الثقافية'],
  SPORT: ['Club sportif', 'النادي الرياضي'],
  SOCIAL: ['Association sociale', 'الجمعية الاجتماعية'],
  YOUTH: ['Association de jeunesse', 'جمعية الشباب'],
  ENVIRONMENT: ['Association pour l’environnement', 'جمعية حماية البيئة'],
  RELIGIOUS: ['Association religieuse', 'الجمعية الدينية'],
  PROFESSIONAL: ['Association professionnelle', 'الجمعية المهنية'],
  SCIENTIFIC: ['Association scientifique', 'الجمعية العلمية'],
  CHARITY: ['Association caritative', 'الجمعية الخيرية'],
  NEIGHBOURHOOD: ['Comité de quartier', 'لجنة الحي'],
};
const MOTTOS: [string, string][] = [
  ['El Amel', 'الأمل'],
  ['Ennour', 'النور'],
  ['El Fadjr', 'الفجر'],
  ['Essalam', 'السلام'],
  ['El Wiam', 'الوئام'],
];

type Row = Record<string, unknown>;

/**
 * Associations per batch of citizens: ten founders among the batch's living adults, in the
 * first founder's birth commune, in every status; registered ones with a sitting board and,
 * for some, an earlier one.
 */
export class AssociationGenerator {
  private readonly random: Random;
  private readonly counters = new Counters();

  constructor(seed: number) {
    this.random = new Random(seed ^ 0x415343);
  }

  get serialsUsed(): ReadonlyMap<string, number> {
    return this.counters.used;
  }

  generate(batch: readonly CitizenSeedRow[]) {
    const out = {
      associations: [] as Row[],
      founders: [] as Row[],
      board: [] as Row[],
      events: [] as Row[],
      assemblies: [] as Row[],
    };
    const adults = batch.filter(
      (c) => !c.deathDate && ageOn(c.birthDate, ASSOCIATIONS_REFERENCE_DATE) >= 20,
    );
    const r = this.random;
    for (let start = 0; start + MIN_FOUNDERS <= adults.length; start += MIN_FOUNDERS * 12) {
      const founders = adults.slice(start, start + MIN_FOUNDERS);
      this.association(founders, out);
      if (r.chance(0.3)) start -= MIN_FOUNDERS * 6; // some batches have more
    }
    return out;
  }

  private association(
    founders: CitizenSeedRow[],
    out: ReturnType<AssociationGenerator['generate']>,
  ) {
    const r = this.random;
    const commune = founders[0]!.birthCommuneCode;
    const key = `ASC-${commune}`;
    const serial = this.counters.next(key);
    const id = `${key}-${String(serial).padStart(6, '0')}`;
    const domain = r.pick(ASSOCIATION_DOMAINS);
    const [motto, mottoAr] = r.pick(MOTTOS);
    const name = `${NAMES[domain][0]} ${motto} ${serial}`;
    const nameAr = `${NAMES[domain][1]} ${mottoAr} ${serial}`;
    const declaredOn = addDays(ASSOCIATIONS_REFERENCE_DATE, -r.int(10, 2000));
    const status = r.pick([
      'REGISTERED',
      'REGISTERED',
      'REGISTERED',
      'REGISTERED',
      'REGISTERED',
      'REGISTERED',
      'DECLARED',
      'REFUSED',
      'SUSPENDED',
      'DISSOLVED',
    ] as const);
    const decided = addDays(declaredOn, r.int(5, LEGAL_DELAY_DAYS));
    const wasRegistered = status !== 'DECLARED' && status !== 'REFUSED';
    let registrationNumber: string | null = null;
    if (wasRegistered) {
      const recKey = `REC-${commune}-${decided.slice(0, 4)}`;
      registrationNumber = `${recKey}-${String(this.counters.next(recKey)).padStart(4, '0')}`;
    }
    out.associations.push({
      id,
      communeCode: commune,
      name,
      nameAr,
      nameKey: nameKey(name),
      nameArKey: nameKey(nameAr),
      domain,
      seat: `${r.int(1, 90)} rue de la République`,
      statutes: `Statuts de ${name}.`,
      status,
      version:
        1 +
        (status === 'DECLARED' ? 0 : 1) +
        (status === 'SUSPENDED' || status === 'DISSOLVED' ? 1 : 0),
      declaredOn,
      decisionDue: addDays(declaredOn, LEGAL_DELAY_DAYS),
      registrationNumber,
      registeredOn: wasRegistered ? decided : null,
      refusalReason: status === 'REFUSED' ? 'Objet contraire aux lois en vigueur.' : null,
      declaredBy: `agent:${commune}:associations`,
    });
    for (const f of founders) out.founders.push({ associationId: id, nin: f.nin });
    const at = (day: string) => `${day}T09:00:00.000Z`;
    out.events.push({
      associationId: id,
      fromStatus: null,
      toStatus: 'DECLARED',
      actor: 'seed',
      reason: null,
      at: at(declaredOn),
    });
    if (status === 'DECLARED') return;
    out.events.push({
      associationId: id,
      fromStatus: 'DECLARED',
      toStatus: wasRegistered ? 'REGISTERED' : 'REFUSED',
      actor: 'seed',
      reason: wasRegistered ? null : 'Objet contraire aux lois en vigueur.',
      at: at(decided),
    });
    if (!wasRegistered) return;
    // The founding board, renewed once for some (board terms are commonly three to four years).
    const roles = ['PRESIDENT', 'SECRETARY_GENERAL', 'TREASURER', 'MEMBER', 'MEMBER'];
    const renewedOn = r.chance(0.4) ? addDays(decided, r.int(400, 1400)) : null;
    const boards = renewedOn && renewedOn < ASSOCIATIONS_REFERENCE_DATE ? 2 : 1;
    for (let b = 1; b <= boards; b += 1) {
      const from = b === 1 ? decided : renewedOn!;
      const seated = b === 1 ? founders.slice(0, 5) : founders.slice(5, 10);
      seated.forEach((m, i) =>
        out.board.push({
          associationId: id,
          board: b,
          nin: m.nin,
          role: roles[i],
          fromDate: from,
          toDate: b < boards ? renewedOn : null,
        }),
      );
      out.assemblies.push({
        associationId: id,
        heldOn: from,
        kind: 'ELECTIVE',
        summary: `Board ${b} elected.`,
      });
    }
    if (status === 'SUSPENDED' || status === 'DISSOLVED') {
      out.events.push({
        associationId: id,
        fromStatus: 'REGISTERED',
        toStatus: status,
        actor: 'seed',
        reason: 'Absence de rapports annuels depuis trois ans.',
        at: at(addDays(decided, 300)),
      });
    }
  }
}
