import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { visibleConnection } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { Money, money, parseDzd } from '../kit/money.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { patrimonyAgent, refusal } from './agent.js';
import { AssetFilter, RecordExpenseInput, RegisterAssetInput } from './asset.input.js';
import {
  Asset,
  AssetConnection,
  Commune,
  Expense,
  type AssetRecord,
  type ExpenseRecord,
} from './asset.type.js';
import { MAX_ASSET_VALUE_DZD, MAX_EXPENSE_DZD, today } from './lease.rules.js';
import { LeaseContractConnection } from './lease.type.js';
import type { PatrimonyLoaders } from './loaders.js';
import {
  assetsOfCommune,
  expenseById,
  recordExpense,
  registerAsset,
  vacantAssets,
} from './queries.js';
import { leaseScope } from './scope.js';
import { assertPast, assertText, assertYear } from './validate.js';

type Ctx = Context<PatrimonyLoaders>;

const toExpense = (e: ExpenseRecord): Expense => ({ ...e, amount: money(e.amountCentimes) });

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, { nullable: true, description: 'An asset by inventory number.' })
  asset(@Arg('inventoryNumber', () => String) inventoryNumber: string, @Ctx() ctx: Ctx) {
    return ctx.loaders.assetByNumber.load(inventoryNumber.trim().slice(0, 40));
  }

  @Query(() => AssetConnection, {
    description: "A commune's assets, in inventory order, a page at a time. No personal data.",
  })
  async assets(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('filter', () => AssetFilter, { nullable: true }) filter: AssetFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    const page = readPage(args, { list: 'Query.assets', scope: { communeCode, filter } });
    const rows = await assetsOfCommune(ctx.db, communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.assetByNumber.prime(row.inventoryNumber, row);
    return toConnection(rows, page, (a) => a.inventoryNumber);
  }

  @Query(() => AssetConnection, {
    description:
      "A commune's productive assets with no active lease today: what it offers for rent. Public: no token needed (no personal data, no rents, no figures).",
  })
  async assetsForRent(
    @Arg('communeCode', () => String) communeCode: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    const page = readPage(args, { list: 'Query.assetsForRent', scope: { communeCode } });
    const rows = await vacantAssets(ctx.db, communeCode, today(), page);
    return toConnection(rows, page, (a) => a.inventoryNumber);
  }

  @Mutation(() => Asset, { description: "Enters an asset in the agent's commune's inventory." })
  async registerAsset(
    @Arg('input', () => RegisterAssetInput) input: RegisterAssetInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = patrimonyAgent(ctx);
    const surface = input.surfaceSquareMetres;
    if (!Number.isInteger(surface) || surface < 1 || surface > 10_000_000)
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'surfaceSquareMetres must be 1 to 10 000 000',
        'surfaceSquareMetres',
      );
    const asked = {
      communeCode: agent.communeCode,
      category: input.category,
      name: assertText(input.name, 'name', 2, 120),
      address: assertText(input.address, 'address', 2, 200),
      surfaceSquareMetres: surface,
      acquisitionDate: assertPast(input.acquisitionDate, 'acquisitionDate'),
      acquisitionValueCentimes: parseDzd(
        input.acquisitionValue,
        'acquisitionValue',
        MAX_ASSET_VALUE_DZD,
      ),
      legalStatus: input.legalStatus,
      condition: input.condition,
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'registerAsset',
      input: asked,
    };
    const { result } = await registerAsset(ctx.db, asked, request).catch(refusal);
    return ctx.loaders.assetByNumber.load(result.inventoryNumber);
  }

  @Mutation(() => Expense, {
    description: "Records an expense on an asset of the agent's commune.",
  })
  async recordExpense(
    @Arg('input', () => RecordExpenseInput) input: RecordExpenseInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = patrimonyAgent(ctx);
    const asked = {
      assetInventoryNumber: input.inventoryNumber.trim(),
      communeCode: agent.communeCode,
      kind: input.kind,
      spentOn: assertPast(input.spentOn, 'spentOn'),
      amountCentimes: parseDzd(input.amount, 'amount', MAX_EXPENSE_DZD),
      description: assertText(input.description, 'description', 2, 200),
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'recordExpense',
      input: asked,
    };
    const { result } = await recordExpense(ctx.db, { ...asked, actor: agent.sub }, request).catch(
      refusal,
    );
    return toExpense((await expenseById(ctx.db, result.id))!);
  }

  @FieldResolver(() => Commune)
  commune(@Root() a: AssetRecord): Commune {
    return { code: a.communeCode };
  }

  @FieldResolver(() => Money, { description: 'What the commune paid or valued it at.' })
  acquisitionValue(@Root() a: AssetRecord): Money {
    return money(a.acquisitionValueCentimes);
  }

  @FieldResolver(() => Boolean, { description: 'True when an active lease covers today.' })
  occupied(@Root() a: AssetRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.assetOccupied.load(a.inventoryNumber);
  }

  @FieldResolver(() => LeaseContractConnection, {
    description:
      'Leases of this asset, in number order; those you may not read are left out (group LEASES).',
  })
  async leases(@Root() a: AssetRecord, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Asset.leases', scope: { asset: a.inventoryNumber } });
    const rows = await ctx.loaders.leasesByAsset.load({ parent: a.inventoryNumber, page });
    for (const row of rows) ctx.loaders.leaseByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (l) => l.number),
      leaseScope,
    );
  }

  // One year of one asset's expenses: a handful of bills, bounded by the year.
  @Directive('@listSize(assumedSize: 24)')
  @FieldResolver(() => [Expense], {
    description: 'Expenses on this asset in a year, oldest first.',
  })
  async expenses(@Root() a: AssetRecord, @Arg('year', () => Int) year: number, @Ctx() ctx: Ctx) {
    assertYear(year);
    const rows = await ctx.loaders.expensesByAssetYear.load({ asset: a.inventoryNumber, year });
    return rows.map(toExpense);
  }
}
