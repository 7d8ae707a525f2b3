import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { assertGroupsAllowed, selectedNodeFields } from '../kit/access.js';
import { forbidden } from '../kit/errors.js';
import { CITIZEN_FIELD_GROUPS } from './citizen.groups.js';
import type { Context } from '../kit/context.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { maySeeRecord } from '../../schema/access-decision.js';
import { CitizenConnection } from './citizen.input.js';
import { Commune } from './commune.type.js';
import type { CitizensLoaders } from './loaders.js';

@Resolver(() => Commune)
export class CommuneCitizensResolver {
  @FieldResolver(() => CitizenConnection, {
    description: 'Citizens born in this commune, in NIN order.',
  })
  async citizensBorn(
    @Root() commune: Commune,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context<CitizensLoaders>,
  ) {
    const page = readPage(args, { list: 'Commune.citizensBorn', scope: { code: commune.code } });
    const rows = await ctx.loaders.citizensBornInCommune.load({ communeCode: commune.code, page });
    const visible = rows.filter((r) => maySeeRecord(ctx.principal, ctx.purpose, r.nin));
    for (const row of visible) ctx.loaders.citizenByNin.prime(row.nin, row);
    return toConnection(visible, page, (r) => r.nin);
  }
}
