import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { citizenReference } from './citizen.reference.js';
import { leaseReference } from './lease.reference.js';
import type { DisputesLoaders } from './loaders.js';
import { caseScope } from './scope.js';

type Ctx = Context<DisputesLoaders>;

/** A case the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: citizenReference,
  LeaseContract: leaseReference,
  Case: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) =>
      visibleOrNull(ctx, await ctx.loaders.caseByNumber.load(ref.number), caseScope),
  },
  Commune: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};
