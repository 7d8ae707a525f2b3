import type { Principal } from '../../schema/principal.js';
import type { CitizenRecord } from './citizen.type.js';

/**
 * Who may see a citizen's record at all. Ministries and commune agents may; a citizen
 * sees their own record and those of their children (whose filiation names them). Finer rules (which
 * field groups, for which purpose) come from the access policy.
 */
export function maySeeCitizen(principal: Principal, citizen: CitizenRecord): boolean {
  switch (principal.kind) {
    case 'ministry':
    case 'agent':
      return true;
    case 'citizen':
      return (
        citizen.nin === principal.nin ||
        citizen.fatherNin === principal.nin ||
        citizen.motherNin === principal.nin
      );
    case 'anonymous':
      return false;
  }
}
