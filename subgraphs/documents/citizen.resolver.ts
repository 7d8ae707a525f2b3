import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { applicationScope, documentScope } from './scope.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { ApplicationConnection } from './application.type.js';
import { Citizen } from './citizen.type.js';
import { DocumentConnection } from './document.type.js';
import type { DocumentsLoaders } from './loaders.js';

type Ctx = Context<DocumentsLoaders>;

/** A person's documents and applications grow with every renewal and loss: connections. */
@Resolver(() => Citizen)
export class CitizenDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    description: "The citizen's documents, newest first, a page at a time (group DOCUMENTS).",
  })
  async documents(@Root() citizen: Citizen, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Citizen.documents', scope: { nin: citizen.nin } });
    const rows = await ctx.loaders.documentsByHolder.load({ parent: citizen.nin, page });
    const connection = toConnection(rows, page, (d) => compositeKey(d.issueDate, d.number));
    return visibleConnection(ctx, connection, documentScope);
  }

  @FieldResolver(() => ApplicationConnection, {
    description: "The citizen's applications, newest first, a page at a time (group APPLICATIONS).",
  })
  async applications(
    @Root() citizen: Citizen,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Citizen.applications', scope: { nin: citizen.nin } });
    const rows = await ctx.loaders.applicationsByNin.load({ parent: citizen.nin, page });
    for (const row of rows) ctx.loaders.applicationByNumber.prime(row.number, row);
    const connection = toConnection(rows, page, (a) => compositeKey(a.submittedAt, a.number));
    return visibleConnection(ctx, connection, applicationScope);
  }
}
