import type { Context } from '../kit/context.js';
import { raisePeerError } from '../kit/peers.js';
import type { RegistryPupil } from './enrolment.rules.js';

interface PeerCitizen {
  nin: string;
  birthDate: string;
  deathDate: string | null;
  givenNameLat?: string;
  familyNameLat?: string;
  father: { nin: string } | null;
  mother: { nin: string } | null;
}

/**
 * Asks the civil registry about many pupils in one request, on the caller's behalf (the
 * registry applies the caller's purpose and records each consultation): one aliased
 * `citizen` per NIN, which the registry batches into one statement. NINs must be valid.
 */
export async function registryPupils(
  ctx: Context,
  nins: readonly string[],
  withNames = false,
): Promise<Map<string, RegistryPupil & { givenNameLat?: string; familyNameLat?: string }>> {
  const found = new Map<
    string,
    RegistryPupil & { givenNameLat?: string; familyNameLat?: string }
  >();
  const unique = [...new Set(nins)];
  if (unique.length === 0) return found;
  const fields = `nin birthDate deathDate father { nin } mother { nin }${withNames ? ' givenNameLat familyNameLat' : ''}`;
  const query = `query RegistryCheck(${unique.map((_, i) => `$n${i}: String!`).join(', ')}) {\n${unique
    .map((_, i) => `  c${i}: citizen(nin: $n${i}) { ${fields} }`)
    .join('\n')}\n}`;
  const res = await ctx.peers.query<Record<string, PeerCitizen | null>>(
    'citizens',
    query,
    Object.fromEntries(unique.map((nin, i) => [`n${i}`, nin])),
    // Up to 500 pupils and their parents: more than a single lookup's 3 s, within the
    // gateway's 5 s deadline for the whole enrolment.
    { timeoutMs: unique.length > 50 ? 4500 : 3000 },
  );
  raisePeerError('civil registry', res);
  for (const c of Object.values(res.data ?? {})) {
    if (!c) continue;
    found.set(c.nin, {
      nin: c.nin,
      birthDate: c.birthDate,
      deathDate: c.deathDate,
      fatherNin: c.father?.nin ?? null,
      motherNin: c.mother?.nin ?? null,
      ...(withNames ? { givenNameLat: c.givenNameLat!, familyNameLat: c.familyNameLat! } : {}),
    });
  }
  return found;
}
