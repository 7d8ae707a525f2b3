import type { Context } from './context.js';
import { ErrorCode, appError } from './errors.js';
import { raisePeerError } from './peers.js';

export interface RegistryFacts {
  nin: string;
  birthDate: string;
  deathDate: string | null;
}

const QUERY = `query RegistryCheck($nin: String!) { citizen(nin: $nin) { nin birthDate deathDate } }`;

/**
 * A person's birth and death dates from the civil registry, asked on the caller's behalf
 * (the subgraph must be allowed to call `citizens` in schema/delegations.ts): the registry
 * applies the caller's purpose and records the consultation. Null when there is no such NIN
 * (or the caller may not see it, which looks the same).
 */
export async function registryFacts(ctx: Context, nin: string): Promise<RegistryFacts | null> {
  const res = await ctx.peers.query<{ citizen: RegistryFacts | null }>('citizens', QUERY, { nin });
  raisePeerError('civil registry', res);
  return res.data?.citizen ?? null;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The registry facts of several people in one call to the registry (`citizensByNin`, one
 * batched lookup), in the order given; null for each NIN it does not know.
 */
export async function registryFactsOfMany(
  ctx: Context,
  nins: readonly string[],
): Promise<(RegistryFacts | null)[]> {
  if (nins.length === 0) return [];
  const res = await ctx.peers.query<{ citizensByNin: (RegistryFacts | null)[] }>(
    'citizens',
    `query RegistryCheckMany($nins: [String!]!) { citizensByNin(nins: $nins) { nin birthDate deathDate } }`,
    { nins },
  );
  raisePeerError('civil registry', res);
  return nins.map((_, i) => res.data?.citizensByNin?.[i] ?? null);
}

/**
 * A person named in a new record (a tenant, a party) must be a living citizen: asked of
 * the civil registry on the caller's behalf (a delegation to `citizens`), which applies
 * the caller's purpose and records the consultation.
 */
export async function assertLivingCitizen(ctx: Context, nin: string, field: string) {
  const citizen = await registryFacts(ctx, nin);
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
