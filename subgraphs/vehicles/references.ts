import { maySeeRecord } from '../../schema/access-decision.js';
import { ninProblem } from '../../schema/nin.js';
import type { Context } from '../kit/context.js';
import type { VehiclesLoaders } from './loaders.js';

type Ctx = Context<VehiclesLoaders>;

/** A citizen or vehicle the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: {
    __resolveReference: (ref: { nin: string }, ctx: Ctx) =>
      typeof ref.nin === 'string' &&
      !ninProblem(ref.nin) &&
      maySeeRecord(ctx.principal, ctx.purpose, ref.nin)
        ? { nin: ref.nin }
        : null,
  },
  Vehicle: {
    __resolveReference: async (ref: { vin: string }, ctx: Ctx) => {
      const v = await ctx.loaders.vehicleByVin.load(ref.vin);
      return v && maySeeRecord(ctx.principal, ctx.purpose, v.ownerNin) ? v : null;
    },
  },
  Wilaya: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};
