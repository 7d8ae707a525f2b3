import type { Context } from '../kit/context.js';
import type { CommunesLoaders } from './loaders.js';

type Ctx = Context<CommunesLoaders>;

export const references = {
  Wilaya: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) =>
      ctx.loaders.wilayaByCode.load(ref.code),
  },
  Daira: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.dairaByCode.load(ref.code),
  },
  Commune: {
    __resolveReference: (ref: { code: string }, ctx: Ctx) =>
      ctx.loaders.communeByCode.load(ref.code),
  },
};
