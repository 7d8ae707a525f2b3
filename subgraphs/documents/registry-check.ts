import type { Context } from '../kit/context.js';
import { raisePeerError } from '../kit/peers.js';
import type { DocumentsLoaders } from './loaders.js';

export interface RegistryFacts {
  nin: string;
  birthDate: string;
  deathDate: string | null;
}

const QUERY = `query RegistryCheck($nin: String!) { citizen(nin: $nin) { nin birthDate deathDate } }`;

/**
 * Reads the applicant's birth and death dates from the civil registry, on the caller's
 * behalf: the registry applies the caller's purpose and records the consultation.
 */
export async function consultRegistry(
  ctx: Context<DocumentsLoaders>,
  nin: string,
): Promise<RegistryFacts | null> {
  const res = await ctx.peers.query<{ citizen: RegistryFacts | null }>('citizens', QUERY, { nin });
  raisePeerError('civil registry', res);
  return res.data?.citizen ?? null;
}
