import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { Citizen, type CitizenRecord } from './citizen.type.js';
import { CivilAct } from './civil-act.type.js';
import type { CitizensLoaders } from './loaders.js';
import { citizenScope } from './scope.js';

type Ctx = Context<CitizensLoaders>;

/** A citizen's civil acts and current spouse: what the civil-status registers say of them. */
@Resolver(() => Citizen)
export class CitizenActsResolver {
  // Bounded by one life: a birth, a few marriages, a death, and their corrections.
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [CivilAct], {
    description:
      'The civil acts that concern this citizen (birth, marriages, death, and corrections), oldest event first, with their marginal notes.',
  })
  civilActs(@Root() citizen: CitizenRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.actsByNin.load(citizen.nin);
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description:
      'The current spouse while MARRIED and visible to the caller; null otherwise or when the spouse is not in the registry.',
  })
  async spouse(@Root() citizen: CitizenRecord, @Ctx() ctx: Ctx) {
    if (!citizen.spouseNin) return null;
    return visibleOrNull(ctx, await ctx.loaders.citizenByNin.load(citizen.spouseNin), citizenScope);
  }
}
