import type { Context } from './context.js';
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
