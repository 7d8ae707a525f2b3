import { maySeeRecord } from '../../schema/access-decision.js';
import type { Principal } from '../../schema/principal.js';
import type { CitizenRecord } from './citizen.type.js';

/** Whether the caller may see this citizen at all; which groups is decided field by field. */
export function maySeeCitizen(
  principal: Principal,
  purpose: string | null,
  citizen: Pick<CitizenRecord, 'nin'>,
): boolean {
  return maySeeRecord(principal, purpose, citizen.nin);
}
