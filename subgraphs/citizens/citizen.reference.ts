import type { Context } from '../kit/context.js';
import { ninProblem } from '../../schema/nin.js';
import { visibleOrNull } from '../kit/access.js';
import { citizenScope } from './scope.js';
import type { CitizenRecord } from './citizen.type.js';
import type { CitizensLoaders } from './loaders.js';

/**
 * Resolves a Citizen that another subgraph points at. A citizen the caller may not see
 * comes back null, exactly as one that does not exist.
 */
export async function resolveCitizenReference(
  ref: { nin: string },
  ctx: Context<CitizensLoaders>,
): Promise<CitizenRecord | null> {
  if (typeof ref.nin !== 'string' || ninProblem(ref.nin)) return null;
  const citizen = await ctx.loaders.citizenByNin.load(ref.nin);
  return visibleOrNull(ctx, citizen, citizenScope);
}
