import {
  Arg,
  Args,
  Ctx,
  Directive,
  Field,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { assertFiguresOf } from './access.js';
import {
  AssociationDomain,
  AssociationStatus,
  PublicAssociationConnection,
} from './association.type.js';
import type { AssociationsLoaders } from './loaders.js';
import { figures, publicRegistry, subsidyFigures } from './queries.js';

type Ctx = Context<AssociationsLoaders>;

@ObjectType({ description: 'How many associations of a domain are in a status.' })
export class AssociationCount {
  @Field(() => AssociationDomain)
  domain!: string;

  @Field(() => AssociationStatus)
  status!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Subsidies the commune granted in a year.' })
export class SubsidyYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: 'In dinars.' })
  total!: number;

  @Field(() => Int, { description: 'Associations subsidised.' })
  associations!: number;
}

@ObjectType({ description: "A commune's associations in figures; no personal data." })
export class AssociationStatistics {
  @Field(() => String)
  communeCode!: string;

  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [AssociationCount], { description: 'By domain and status (non-zero only).' })
  byDomainAndStatus!: AssociationCount[];

  @Field(() => Int, { description: 'Declarations still undecided past the legal delay.' })
  decisionsOverdue!: number;

  @Directive('@listSize(assumedSize: 30)')
  @Field(() => [SubsidyYear], { description: 'Subsidies per year, oldest first.' })
  subsidiesByYear!: SubsidyYear[];
}

/** The public registry (no token, no personal data) and the figures. */
@Resolver()
export class AssociationRegistryResolver {
  @Query(() => PublicAssociationConnection, {
    description:
      'The public registry of associations: those once registered, by commune and/or by name in French or Arabic (accents, short vowels and letter variants do not matter). No token needed; no personal data.',
  })
  async associationRegistry(
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Part of the name, in French or Arabic.',
    })
    search: string | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    if (communeCode) assertCommuneCode(communeCode, 'communeCode');
    const text = search?.trim() || null;
    if (text && text.length > 100)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'search is at most 100 characters', 'search');
    const filter = { communeCode: communeCode ?? null, search: text };
    const page = readPage(args, { list: 'Query.associationRegistry', scope: filter });
    return toConnection(await publicRegistry(ctx.db, filter, page), page, (a) => a.id);
  }

  @Query(() => AssociationStatistics, {
    description:
      "A commune's associations by domain and status, and declarations past the legal delay: for its ASSOCIATIONS service and Interior's oversight.",
  })
  async associationStatistics(
    @Arg('communeCode', () => String) communeCode: string,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    assertFiguresOf(ctx, communeCode);
    const f = await figures(ctx.db, communeCode);
    return {
      communeCode,
      byDomainAndStatus: f.counts,
      decisionsOverdue: f.overdue,
      subsidiesByYear: await subsidyFigures(ctx.db, communeCode),
    };
  }
}
