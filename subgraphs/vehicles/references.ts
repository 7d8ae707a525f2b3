import { maySeeRecord } from '../../schema/access-decision.js';
import type { Context } from '../kit/context.js';
import { visibleCitizenReference } from '../kit/identifiers.js';
import type { VehiclesLoaders } from './loaders.js';

type Ctx = Context<VehiclesLoaders>;

/** A citizen or vehicle the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
  Vehicle: {
    __resolveReference: async (ref: { vin: string }, ctx: Ctx) => {
      const v = await ctx.loaders.vehicleByVin.load(ref.vin);
      return v && maySeeRecord(ctx.principal, ctx.purpose, v.ownerNin) ? v : null;
    },
  },
  Wilaya: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};
