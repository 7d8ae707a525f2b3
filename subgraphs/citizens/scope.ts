import { personScope, type ScopeOf } from '../kit/access.js';
import type { CitizenRecord } from './citizen.type.js';

/** A registry record is the person's own: their NIN says where they were born. */
export const citizenScope: ScopeOf<CitizenRecord> = personScope;
