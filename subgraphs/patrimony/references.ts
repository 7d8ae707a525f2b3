import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { citizenReference } from './citizen.reference.js';
import type { PatrimonyLoaders } from './loaders.js';
import { leaseScope } from './scope.js';

type Ctx = Context<PatrimonyLoaders>;

/** A lease the caller may not see is null here, exactly as a missing one; assets are public. */
export const references = {
  Citizen: citizenReference,
  Asset: {
    __resolveReference: (ref: { inventoryNumber: string }, ctx: Ctx) =>
      ctx.loaders.assetByNumber.load(ref.inventoryNumber),
  },
  LeaseContract: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) =>
      visibleOrNull(ctx, await ctx.loaders.leaseByNumber.load(ref.number), leaseScope),
  },
  Commune: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};
