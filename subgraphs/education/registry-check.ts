import type { Context } from '../kit/context.js';
import { raisePeerError } from '../kit/peers.js';
import type { RegistryPupil } from './enrolment.rules.js';

/** The most NINs the registry's `citizensByNin` takes at once. */
const REGISTRY_SLICE = 500;

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
 * registry applies the caller's purpose and records each consultation): one
 * `citizensByNin` lookup, which the registry answers with one statement for the pupils and
 * one for their parents. NINs must be valid.
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
  // A roster can outgrow one lookup's 500 NINs: ask for it in slices, side by side.
  const slices = Array.from({ length: Math.ceil(unique.length / REGISTRY_SLICE) }, (_, i) =>
    unique.slice(i * REGISTRY_SLICE, (i + 1) * REGISTRY_SLICE),
  );
  const answers = await Promise.all(
    slices.map((slice) =>
      ctx.peers.query<{ citizensByNin: (PeerCitizen | null)[] }>(
        'citizens',
        `query RegistryCheck($nins: [String!]!) { citizensByNin(nins: $nins) { ${fields} } }`,
        { nins: slice },
        // Up to 500 pupils and their parents: more than a single lookup's 3 s, within the
        // gateway's 5 s deadline for the whole enrolment.
        { timeoutMs: slice.length > 50 ? 4500 : 3000 },
      ),
    ),
  );
  for (const res of answers) {
    raisePeerError('civil registry', res);
    for (const c of res.data?.citizensByNin ?? []) {
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
  }
  return found;
}
