import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleRows } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { applicationScope, documentScope } from './scope.js';
import { Application } from './application.type.js';
import { Citizen } from './citizen.type.js';
import { Document } from './document.type.js';
import type { DocumentsLoaders } from './loaders.js';

@Resolver(() => Citizen)
export class CitizenDocumentsResolver {
  @FieldResolver(() => [Document], {
    description: "The citizen's documents, newest first (group DOCUMENTS).",
  })
  async documents(@Root() citizen: Citizen, @Ctx() ctx: Context<DocumentsLoaders>) {
    return visibleRows(ctx, await ctx.loaders.documentsByHolder.load(citizen.nin), documentScope);
  }

  @FieldResolver(() => [Application], {
    description: "The citizen's applications, newest first (group APPLICATIONS).",
  })
  async applications(@Root() citizen: Citizen, @Ctx() ctx: Context<DocumentsLoaders>) {
    const rows = await ctx.loaders.applicationsByNin.load(citizen.nin);
    return visibleRows(ctx, rows, applicationScope);
  }
}
