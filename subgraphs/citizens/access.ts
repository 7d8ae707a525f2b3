import { decideForGroup } from '../../schema/access-decision.js';
import type { Principal } from '../../schema/principal.js';
import type { CitizenRecord } from './citizen.type.js';

/**
 * Whether the caller may see this citizen at all (some group of the record): a citizen
 * only themselves; a ministry or agent when its stated purpose is one it may invoke.
 * Which groups exactly is decided field by field from the access policy.
 */
export function maySeeCitizen(
  principal: Principal,
  purpose: string | null,
  citizen: Pick<CitizenRecord, 'nin'>,
): boolean {
  switch (principal.kind) {
    case 'anonymous':
      return false;
    case 'citizen':
      return citizen.nin === principal.nin;
    case 'ministry':
    case 'agent':
      return decideForGroup(principal, purpose, 'IDENTITY').allowed;
  }
}
