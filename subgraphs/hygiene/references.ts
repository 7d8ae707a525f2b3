import { visibleCitizenReference } from '../kit/identifiers.js';

/** A citizen the caller may not see is null here, exactly as a missing one. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
};
