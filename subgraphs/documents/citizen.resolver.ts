import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { Application } from './application.type.js';
import { Citizen } from './citizen.type.js';
import { Document } from './document.type.js';
import type { DocumentsLoaders } from './loaders.js';

@Resolver(() => Citizen)
export class CitizenDocumentsResolver {
  @FieldResolver(() => [Document], {
    description: "The citizen's documents, newest first (group DOCUMENTS).",
  })
  documents(@Root() citizen: Citizen, @Ctx() ctx: Context<DocumentsLoaders>) {
    return ctx.loaders.documentsByHolder.load(citizen.nin);
  }

  @FieldResolver(() => [Application], {
    description: "The citizen's applications, newest first (group APPLICATIONS).",
  })
  applications(@Root() citizen: Citizen, @Ctx() ctx: Context<DocumentsLoaders>) {
    return ctx.loaders.applicationsByNin.load(citizen.nin);
  }
}
