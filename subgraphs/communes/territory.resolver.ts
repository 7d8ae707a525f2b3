import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { assertCommuneCode, assertWilayaCode } from '../kit/identifiers.js';
import { ErrorCode, appError, badInput } from '../kit/errors.js';
import { ConnectionType, PageArgs, readPage, toConnection } from '../kit/pagination.js';
import type { CommunesLoaders } from './loaders.js';
import { allWilayas, searchCommunes } from './queries.js';
import {
  Commune,
  Daira,
  Wilaya,
  type CommuneRecord,
  type DairaRecord,
  type WilayaRecord,
} from './territory.type.js';

type Ctx = Context<CommunesLoaders>;

export const CommuneConnection = ConnectionType(Commune, 'Commune', 'commune');

async function wilayaOrFail(ctx: Ctx, code: string): Promise<WilayaRecord> {
  const wilaya = await ctx.loaders.wilayaByCode.load(code);
  if (!wilaya)
    throw appError(ErrorCode.WILAYA_NOT_FOUND, `there is no wilaya with code ${code}`, {
      field: 'code',
    });
  return wilaya;
}

@Resolver(() => Wilaya)
export class WilayaResolver {
  // Plain lists here are bounded by the territory itself (reference data, changed by law),
  // not by use; @listSize tells the gateway's cost limit how long each can be.
  @Directive('@listSize(assumedSize: 58)') // 58 wilayas since the law of 2019 (48 seeded)
  @Query(() => [Wilaya], { description: 'Every wilaya, in code order (a plain list: 58 at most).' })
  async wilayas(@Ctx() ctx: Ctx): Promise<WilayaRecord[]> {
    const rows = await allWilayas(ctx.db);
    for (const row of rows) ctx.loaders.wilayaByCode.prime(row.code, row);
    return rows;
  }

  @Query(() => Wilaya, {
    nullable: true,
    description:
      'One wilaya by its two-digit code; an unknown code is an error (WILAYA_NOT_FOUND).',
  })
  wilaya(@Arg('code', () => String) code: string, @Ctx() ctx: Ctx): Promise<WilayaRecord> {
    return wilayaOrFail(ctx, assertWilayaCode(code, 'code'));
  }

  @Directive('@listSize(assumedSize: 25)') // the most in one wilaya is 21
  @FieldResolver(() => [Daira], {
    description: 'Daïras of the wilaya, in code order (a plain list: a few dozen at most).',
  })
  dairas(@Root() wilaya: WilayaRecord, @Ctx() ctx: Ctx): Promise<DairaRecord[]> {
    return ctx.loaders.dairasByWilaya.load(wilaya.code);
  }

  @FieldResolver(() => CommuneConnection, { description: 'Communes of the wilaya, in code order.' })
  async communes(
    @Root() wilaya: WilayaRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Wilaya.communes', scope: { code: wilaya.code } });
    const rows = await ctx.loaders.communesOfWilaya.load({ wilayaCode: wilaya.code, page });
    return toConnection(rows, page, (r) => r.code);
  }

  @Directive('@listSize(assumedSize: 10)') // a wilaya borders 8 others at most
  @FieldResolver(() => [Wilaya], { description: 'Wilayas sharing a border with this one.' })
  async adjacentWilayas(@Root() wilaya: WilayaRecord, @Ctx() ctx: Ctx): Promise<WilayaRecord[]> {
    const rows = await ctx.loaders.wilayaByCode.loadMany(wilaya.adjacentWilayaCodes);
    return rows.filter((r): r is WilayaRecord => r !== null && !(r instanceof Error));
  }
}

@Resolver(() => Daira)
export class DairaResolver {
  @FieldResolver(() => Wilaya)
  async wilaya(@Root() daira: DairaRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.wilayaByCode.load(daira.wilayaCode);
  }

  @Directive('@listSize(assumedSize: 10)') // the most in one daïra is 7
  @FieldResolver(() => [Commune], {
    description: 'Communes of the daïra, in code order (a plain list: a daïra has a few).',
  })
  communes(@Root() daira: DairaRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.communesByDaira.load(daira.code);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, {
    nullable: true,
    description:
      'One commune by its four-digit code; an unknown code is an error (COMMUNE_NOT_FOUND).',
  })
  async commune(@Arg('code', () => String) code: string, @Ctx() ctx: Ctx): Promise<CommuneRecord> {
    const commune = await ctx.loaders.communeByCode.load(assertCommuneCode(code, 'code'));
    if (!commune)
      throw appError(ErrorCode.COMMUNE_NOT_FOUND, `there is no commune with code ${code}`, {
        field: 'code',
      });
    return commune;
  }

  @Query(() => CommuneConnection, {
    description: 'Communes of one wilaya, in code order, a page at a time.',
  })
  async communes(
    @Arg('wilayaCode', () => String) wilayaCode: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const code = assertWilayaCode(wilayaCode, 'wilayaCode');
    const page = readPage(args, { list: 'Query.communes', scope: { wilayaCode: code } });
    const wilaya = await wilayaOrFail(ctx, code);
    const rows = await ctx.loaders.communesOfWilaya.load({ wilayaCode: wilaya.code, page });
    return toConnection(rows, page, (r) => r.code);
  }

  @Query(() => CommuneConnection, {
    description:
      'Communes whose name contains the text, in Arabic, French or Tamazight (case-insensitive).',
  })
  async searchCommunes(
    @Arg('name', () => String) name: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const text = name.trim();
    if (text.length < 2 || text.length > 80) {
      throw badInput(ErrorCode.BAD_USER_INPUT, 'name must be 2 to 80 characters', 'name');
    }
    const page = readPage(args, { list: 'Query.searchCommunes', scope: { name: text } });
    const rows = await searchCommunes(ctx.db, text, page);
    for (const row of rows) ctx.loaders.communeByCode.prime(row.code, row);
    return toConnection(rows, page, (r) => r.code);
  }

  @FieldResolver(() => Wilaya)
  wilaya(@Root() commune: CommuneRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.wilayaByCode.load(commune.wilayaCode);
  }

  @FieldResolver(() => Daira, { nullable: true })
  daira(@Root() commune: CommuneRecord, @Ctx() ctx: Ctx) {
    return commune.dairaCode ? ctx.loaders.dairaByCode.load(commune.dairaCode) : null;
  }
}
