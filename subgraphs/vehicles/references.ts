import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { visibleCitizenReference } from '../kit/identifiers.js';
import type { VehiclesLoaders } from './loaders.js';
import { vehicleScope } from './scope.js';

type Ctx = Context<VehiclesLoaders>;

/** A citizen or vehicle the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
  Vehicle: {
    __resolveReference: async (ref: { vin: string }, ctx: Ctx) => {
      return visibleOrNull(ctx, await ctx.loaders.vehicleByVin.load(ref.vin), vehicleScope);
    },
  },
  Wilaya: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};
