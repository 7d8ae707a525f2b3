import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { connectionOf, visibleConnection } from '../kit/access.js';
import { maySeeEstablishment } from './access.js';
import type { Context } from '../kit/context.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { Citizen } from './citizen.type.js';
import { EstablishmentConnection } from './establishment.type.js';
import type { HygieneLoaders } from './loaders.js';
import { HygieneRequestConnection } from './request.type.js';
import { requestScope } from './scope.js';

type Ctx = Context<HygieneLoaders>;

@Resolver(() => Citizen)
export class CitizenHygieneResolver {
  @FieldResolver(() => HygieneRequestConnection, {
    description: 'Requests the citizen filed signed in, in number order (group HYGIENE).',
  })
  async hygieneRequests(@Root() c: Citizen, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Citizen.hygieneRequests', scope: { nin: c.nin } });
    const rows = await ctx.loaders.requestsByRequester.load({ parent: c.nin, page });
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.number),
      requestScope,
    );
  }

  @FieldResolver(() => EstablishmentConnection, {
    description: 'Establishments the citizen operates, in id order (group HYGIENE).',
  })
  async establishmentsOperated(
    @Root() c: Citizen,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Citizen.establishmentsOperated', scope: { nin: c.nin } });
    const rows = await ctx.loaders.establishmentsByOperator.load({ parent: c.nin, page });
    // Another commune's establishments are its office's: absent here, like requests.
    return connectionOf(
      toConnection(rows, page, (e) => e.id),
      (e) => maySeeEstablishment(ctx, e),
    );
  }
}
