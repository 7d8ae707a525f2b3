import type { Context } from '../kit/context.js';
import { ErrorCode, appError } from '../kit/errors.js';
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
  const error = res.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code ?? '');
    if (code === ErrorCode.FORBIDDEN) {
      throw appError(
        ErrorCode.FORBIDDEN,
        `the civil registry refused the check: ${error.message}`,
        {
          group: error.extensions?.group,
          reason: error.extensions?.reason,
        },
      );
    }
    if (code === ErrorCode.QUOTA_EXCEEDED) throw appError(ErrorCode.QUOTA_EXCEEDED, error.message);
    throw appError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'the civil registry could not be consulted; nothing was recorded, try again',
    );
  }
  return res.data?.citizen ?? null;
}
