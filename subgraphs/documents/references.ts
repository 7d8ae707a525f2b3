import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { visibleCitizenReference } from '../kit/identifiers.js';
import type { DocumentsLoaders } from './loaders.js';
import { applicationScope, documentScope } from './scope.js';

type Ctx = Context<DocumentsLoaders>;

/** A citizen the caller may not see is null here exactly as one that does not exist. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
  Document: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) => {
      return visibleOrNull(ctx, await ctx.loaders.documentByNumber.load(ref.number), documentScope);
    },
  },
  Application: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) => {
      const app = await ctx.loaders.applicationByNumber.load(ref.number);
      return visibleOrNull(ctx, app, applicationScope);
    },
  },
};
