import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { CertificateRequestConnection } from './certificate.type.js';
import { Citizen, type CitizenRecord } from './citizen.type.js';
import type { CitizensLoaders } from './loaders.js';
import { certificateRequestScope } from './scope.js';

type Ctx = Context<CitizensLoaders>;

/** The certificates a citizen asked for: they grow with every request, so a connection. */
@Resolver(() => Citizen)
export class CitizenCertificatesResolver {
  @FieldResolver(() => CertificateRequestConnection, {
    description:
      "The citizen's certificate requests, newest first, a page at a time (group CERTIFICATES): follow each one at any time.",
  })
  async certificateRequests(
    @Root() citizen: CitizenRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, {
      list: 'Citizen.certificateRequests',
      scope: { nin: citizen.nin },
    });
    const rows = await ctx.loaders.certificateRequestsByNin.load({ parent: citizen.nin, page });
    for (const row of rows) ctx.loaders.certificateRequestByNumber.prime(row.number, row);
    const connection = toConnection(rows, page, (r) =>
      compositeKey(new Date(r.submittedAt).toISOString(), r.number),
    );
    return visibleConnection(ctx, connection, certificateRequestScope, 'CERTIFICATES');
  }
}
