import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../kit/context.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { money } from '../kit/money.js';
import { today } from './lease.rules.js';
import type { PatrimonyLoaders } from './loaders.js';
import { occupancyOf, yearOfCommune } from './queries.js';
import { CategoryYear, PatrimonyFigures } from './statistics.type.js';
import { assertYear } from './validate.js';

@Resolver(() => PatrimonyFigures)
export class PatrimonyFiguresResolver {
  @Query(() => PatrimonyFigures, {
    description:
      "A commune's revenues, expenses and balance for a year, per asset and per category, and the occupancy of its productive assets.",
  })
  async patrimonyFigures(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: Context<PatrimonyLoaders>,
  ): Promise<PatrimonyFigures> {
    assertCommuneCode(communeCode, 'communeCode');
    assertYear(year);
    const lastDay = `${year}-12-31` < today() ? `${year}-12-31` : today();
    const [perAsset, occupancy] = await Promise.all([
      yearOfCommune(ctx.db, communeCode, year),
      occupancyOf(ctx.db, communeCode, lastDay),
    ]);
    const categories = new Map<string, CategoryYear & { r: number; e: number }>();
    let revenues = 0;
    let expenses = 0;
    for (const a of perAsset) {
      revenues += a.revenuesCentimes;
      expenses += a.expensesCentimes;
      const c =
        categories.get(a.category) ??
        ({ category: a.category, assets: 0, r: 0, e: 0 } as CategoryYear & {
          r: number;
          e: number;
        });
      c.assets += 1;
      c.r += a.revenuesCentimes;
      c.e += a.expensesCentimes;
      categories.set(a.category, c);
    }
    return {
      communeCode,
      year,
      revenues: money(revenues),
      expenses: money(expenses),
      balance: money(revenues - expenses),
      productiveAssets: occupancy.productive,
      occupiedAssets: occupancy.occupied,
      occupancyRate: occupancy.productive === 0 ? 0 : occupancy.occupied / occupancy.productive,
      byCategory: [...categories.values()].map(({ r, e, ...c }) => ({
        ...c,
        revenues: money(r),
        expenses: money(e),
        balance: money(r - e),
      })),
      byAsset: perAsset.map((a) => ({
        inventoryNumber: a.inventoryNumber,
        category: a.category,
        revenues: money(a.revenuesCentimes),
        expenses: money(a.expensesCentimes),
        balance: money(a.revenuesCentimes - a.expensesCentimes),
      })),
    };
  }
}
