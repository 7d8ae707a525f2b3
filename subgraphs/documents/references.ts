import { maySeeRecord } from '../../schema/access-decision.js';
import type { Context } from '../kit/context.js';
import { visibleCitizenReference } from '../kit/identifiers.js';
import type { DocumentsLoaders } from './loaders.js';

type Ctx = Context<DocumentsLoaders>;

/** A citizen the caller may not see is null here exactly as one that does not exist. */
export const references = {
  Citizen: { __resolveReference: visibleCitizenReference },
  Document: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) => {
      const doc = await ctx.loaders.documentByNumber.load(ref.number);
      return doc && maySeeRecord(ctx.principal, ctx.purpose, doc.holderNin) ? doc : null;
    },
  },
  Application: {
    __resolveReference: async (ref: { number: string }, ctx: Ctx) => {
      const app = await ctx.loaders.applicationByNumber.load(ref.number);
      return app && maySeeRecord(ctx.principal, ctx.purpose, app.nin) ? app : null;
    },
  },
};
