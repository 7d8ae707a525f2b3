import type { Context } from './context.js';
import { ErrorCode, appError } from './errors.js';
import { raisePeerError } from './peers.js';

const QUERY = `query RegistryCheck($nin: String!) { citizen(nin: $nin) { nin deathDate } }`;

/**
 * A person named in a new record (a tenant, a party) must be a living citizen: asked of
 * the civil registry on the caller's behalf (a delegation to `citizens`), which applies
 * the caller's purpose and records the consultation.
 */
export async function assertLivingCitizen(ctx: Context, nin: string, field: string) {
  const res = await ctx.peers.query<{ citizen: { nin: string; deathDate: string | null } | null }>(
    'citizens',
    QUERY,
    { nin },
  );
  raisePeerError('civil registry', res);
  const citizen = res.data?.citizen;
  if (!citizen)
    throw appError(
      ErrorCode.CITIZEN_NOT_FOUND,
      `no citizen with NIN ${nin} in the civil registry`,
      { field },
    );
  if (citizen.deathDate)
    throw appError(
      ErrorCode.CITIZEN_DECEASED,
      `the civil registry records the citizen given as ${field} as deceased (${citizen.deathDate})`,
      { field },
    );
}
