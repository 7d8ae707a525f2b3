import type { CitizenSeedRow } from './citizens.js';
import { Counters } from './counters.js';
import { addDays, dayNumber } from './dates.js';
import { Random } from './random.js';

export const VEHICLES_REFERENCE_DATE = '2025-12-31';

type Category = 'TOURISM' | 'VAN' | 'TRUCK' | 'MOTORCYCLE';
type Energy = 'PETROL' | 'DIESEL' | 'LPG' | 'ELECTRIC' | 'HYBRID';
const DIGIT: Record<Category, number> = { TOURISM: 1, TRUCK: 2, VAN: 3, MOTORCYCLE: 9 };

/** Makes and models common on Algerian roads, with a world manufacturer identifier. */
const MODELS: readonly {
  make: string;
  wmi: string;
  model: string;
  category: Category;
  energies: Energy[];
}[] = [
  {
    make: 'Renault',
    wmi: 'VF1',
    model: 'Symbol',
    category: 'TOURISM',
    energies: ['PETROL', 'LPG', 'DIESEL'],
  },
  {
    make: 'Renault',
    wmi: 'VF1',
    model: 'Clio',
    category: 'TOURISM',
    energies: ['PETROL', 'DIESEL'],
  },
  { make: 'Dacia', wmi: 'UU1', model: 'Logan', category: 'TOURISM', energies: ['PETROL', 'LPG'] },
  {
    make: 'Peugeot',
    wmi: 'VF3',
    model: '208',
    category: 'TOURISM',
    energies: ['PETROL', 'DIESEL'],
  },
  {
    make: 'Peugeot',
    wmi: 'VF3',
    model: '301',
    category: 'TOURISM',
    energies: ['PETROL', 'DIESEL'],
  },
  {
    make: 'Hyundai',
    wmi: 'KMH',
    model: 'Accent',
    category: 'TOURISM',
    energies: ['PETROL', 'DIESEL'],
  },
  { make: 'Hyundai', wmi: 'KMH', model: 'i10', category: 'TOURISM', energies: ['PETROL'] },
  { make: 'Kia', wmi: 'KNA', model: 'Picanto', category: 'TOURISM', energies: ['PETROL'] },
  {
    make: 'Chevrolet',
    wmi: 'LSG',
    model: 'Sail',
    category: 'TOURISM',
    energies: ['PETROL', 'LPG'],
  },
  {
    make: 'Volkswagen',
    wmi: 'WVW',
    model: 'Golf',
    category: 'TOURISM',
    energies: ['PETROL', 'DIESEL'],
  },
  { make: 'Seat', wmi: 'VSS', model: 'Ibiza', category: 'TOURISM', energies: ['PETROL', 'DIESEL'] },
  { make: 'Suzuki', wmi: 'MA3', model: 'Alto', category: 'TOURISM', energies: ['PETROL'] },
  { make: 'Fiat', wmi: 'ZFA', model: 'Tipo', category: 'TOURISM', energies: ['PETROL', 'DIESEL'] },
  { make: 'Toyota', wmi: 'JTE', model: 'Hilux', category: 'VAN', energies: ['DIESEL'] },
  { make: 'Renault', wmi: 'VF1', model: 'Kangoo', category: 'VAN', energies: ['DIESEL'] },
  { make: 'Isuzu', wmi: 'JAA', model: 'NPR', category: 'TRUCK', energies: ['DIESEL'] },
  { make: 'Yamaha', wmi: 'JYA', model: 'YBR 125', category: 'MOTORCYCLE', energies: ['PETROL'] },
];

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export interface VehicleSeedRow {
  vin: string;
  make: string;
  model: string;
  category: Category;
  energy: Energy;
  year: number;
  firstRegistrationDate: string;
  plate: string;
  wilayaCode: string;
  status: 'ACTIVE' | 'STOLEN' | 'SCRAPPED';
  ownerNin: string;
  version: number;
}

export interface OwnershipSeedRow {
  vin: string;
  ownerNin: string;
  fromDate: string;
  toDate: string | null;
}

export interface CardSeedRow {
  number: string;
  vin: string;
  holderNin: string;
  plate: string;
  issueDate: string;
  closedDate: string | null;
  status: 'VALID' | 'CLOSED';
}

/**
 * Vehicles for seeded adults (about a quarter own one), with plates in their wilaya's
 * series, their cards and, for some, an earlier owner. Same citizens, same vehicles.
 */
export class VehicleGenerator {
  private readonly rng: Random;
  private readonly counters = new Counters();
  private vinCounter = 0;

  constructor(seed: number) {
    this.rng = new Random((seed ^ 0x7e41c1e5) >>> 0);
  }

  get serialsUsed(): ReadonlyMap<string, number> {
    return this.counters.used;
  }

  private vin(wmi: string, year: number): string {
    let body = '';
    for (let i = 0; i < 8; i++) body += this.rng.pick([...VIN_CHARS]);
    // The last six characters number the vehicles of this run, so VINs never collide.
    let n = this.vinCounter++;
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = VIN_CHARS[n % VIN_CHARS.length] + tail;
      n = Math.floor(n / VIN_CHARS.length);
    }
    return `${wmi}${body.slice(0, 5)}${VIN_CHARS[year % VIN_CHARS.length]}${body.slice(5, 7)}${tail}`.slice(
      0,
      17,
    );
  }

  private card(
    vin: string,
    holder: string,
    plate: string,
    wilaya: string,
    issue: string,
    closed: string | null,
  ): CardSeedRow {
    const number = `CG-${wilaya}-${String(this.counters.next(`card:${wilaya}`)).padStart(8, '0')}`;
    return {
      number,
      vin,
      holderNin: holder,
      plate,
      issueDate: issue,
      closedDate: closed,
      status: closed ? 'CLOSED' : 'VALID',
    };
  }

  generate(citizens: readonly CitizenSeedRow[]) {
    const vehicles: VehicleSeedRow[] = [];
    const ownerships: OwnershipSeedRow[] = [];
    const cards: CardSeedRow[] = [];
    const rng = this.rng;
    const ref = VEHICLES_REFERENCE_DATE;
    const adults = citizens.filter(
      (c) => !c.deathDate && Number(ref.slice(0, 4)) - Number(c.birthDate.slice(0, 4)) >= 20,
    );
    for (const owner of adults) {
      const count = rng.chance(0.05) ? 2 : rng.chance(0.22) ? 1 : 0;
      for (let i = 0; i < count; i++) {
        const m = rng.pick(MODELS);
        const year = rng.int(1995, 2025);
        const firstReg = addDays(`${year}-01-01`, rng.int(0, year === 2025 ? 330 : 364));
        const wilaya = owner.birthCommuneCode.slice(0, 2);
        const yy = year % 100;
        const serial = this.counters.next(
          `plate:${wilaya}:${DIGIT[m.category]}:${String(yy).padStart(2, '0')}`,
        );
        const plate = `${String(serial).padStart(5, '0')}-${DIGIT[m.category]}${String(yy).padStart(2, '0')}-${wilaya}`;
        const vin = this.vin(m.wmi, year);
        const status =
          year < 2005 && rng.chance(0.08) ? 'SCRAPPED' : rng.chance(0.006) ? 'STOLEN' : 'ACTIVE';
        // Older vehicles often had an earlier owner among the same families' adults.
        const previous = year < 2018 && rng.chance(0.25) ? rng.pick(adults) : null;
        if (previous && previous.nin !== owner.nin) {
          const sold = addDays(
            firstReg,
            rng.int(365, Math.max(366, dayNumber(ref) - dayNumber(firstReg) - 1)),
          );
          ownerships.push({ vin, ownerNin: previous.nin, fromDate: firstReg, toDate: sold });
          ownerships.push({ vin, ownerNin: owner.nin, fromDate: sold, toDate: null });
          cards.push(this.card(vin, previous.nin, plate, wilaya, firstReg, sold));
          cards.push(this.card(vin, owner.nin, plate, wilaya, sold, null));
        } else {
          ownerships.push({ vin, ownerNin: owner.nin, fromDate: firstReg, toDate: null });
          cards.push(this.card(vin, owner.nin, plate, wilaya, firstReg, null));
        }
        vehicles.push({
          vin,
          make: m.make,
          model: m.model,
          category: m.category,
          energy: rng.pick(m.energies),
          year,
          firstRegistrationDate: firstReg,
          plate,
          wilayaCode: wilaya,
          status,
          ownerNin: owner.nin,
          version: 1,
        });
      }
    }
    return { vehicles, ownerships, cards };
  }
}
