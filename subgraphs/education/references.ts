import { visibleCitizenReference } from '../kit/identifiers.js';

/** A citizen the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
  Commune: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
  School: {
    __resolveReference: (
      ref: { code: string },
      ctx: { loaders: { schoolByCode: { load(c: string): unknown } } },
    ) => (typeof ref.code === 'string' ? ctx.loaders.schoolByCode.load(ref.code) : null),
  },
};
