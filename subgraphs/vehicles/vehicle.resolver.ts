import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import { THEFT_REPORT_PURPOSES, isPurpose } from '../../schema/access-policy.js';
import type { Principal } from '../../schema/principal.js';
import { accessDenied, visibleConnection, visibleOrNull } from '../kit/access.js';
import { cardScope, ownershipScope, vehicleScope } from './scope.js';
import { assertNin, assertWilayaCode } from '../kit/identifiers.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput, forbidden } from '../kit/errors.js';
import { PageArgs, compositeKey, readPage, toConnection } from '../kit/pagination.js';
import { publicLookup } from '../kit/public-lookup.js';
import { assertPlate, assertVin } from './identifiers.js';
import type { VehiclesLoaders } from './loaders.js';
import { STOLEN_CHECK_LIMITS } from './public-lookups.js';
import {
  VehicleRefused,
  currentOwnershipStart,
  lookupStore,
  registerVehicle,
  replayedRegistration,
  setStatus,
  transferOwnership,
  vehiclesOfWilaya,
} from './queries.js';
import { assertLivingCitizen } from './registry-check.js';
import {
  RegisterVehicleInput,
  RegistrationPayload,
  TransferOwnershipInput,
  VehicleFilter,
} from './vehicle.input.js';
import {
  Ownership,
  OwnershipConnection,
  RegistrationCard,
  RegistrationCardConnection,
  StolenCheck,
  Vehicle,
  VehicleConnection,
  Wilaya,
  type CardRecord,
  type OwnershipRecord,
  type VehicleRecord,
} from './vehicle.type.js';
import { Citizen } from './citizen.type.js';

type Ctx = Context<VehiclesLoaders>;
const today = () => new Date().toISOString().slice(0, 10);

function assertName(value: string, field: string): string {
  const v = value.trim();
  if (v.length < 1 || v.length > 40 || !/^[\p{L}\p{N}][\p{L}\p{N} .\-]*$/u.test(v)) {
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be 1 to 40 letters, digits, spaces, "." or "-"`,
      field,
    );
  }
  return v;
}

/** A registration-desk agent stating a purpose that covers the vehicles group. */
function registrationAgent(ctx: Ctx): Extract<Principal, { kind: 'agent' }> {
  const p = ctx.principal;
  if (p.kind !== 'agent') throw forbidden('only an agent at a commune counter registers vehicles');
  const basis = decideForGroup(p, ctx.purpose, 'VEHICLES');
  if (!basis.allowed) throw accessDenied(basis, 'VEHICLES', ctx.purpose);
  return p;
}

function refusal(error: unknown): never {
  if (error instanceof VehicleRefused) throw appError(ErrorCode[error.code], error.message);
  throw error;
}

async function payload(
  ctx: Ctx,
  vin: string,
  cardNumber: string,
  replayed: boolean,
): Promise<RegistrationPayload> {
  ctx.loaders.vehicleByVin.clear(vin);
  ctx.loaders.cardsByVin.clear(vin);
  const vehicle = await ctx.loaders.vehicleByVin.load(vin);
  const card = (await ctx.loaders.cardsByVin.load(vin)).find((c) => c.number === cardNumber);
  return { vehicle: vehicle as Vehicle, card: card as RegistrationCard, replayed };
}

@Resolver(() => Vehicle)
export class VehicleResolver {
  @Query(() => Vehicle, {
    nullable: true,
    description: 'A vehicle by VIN; null when unknown or its owner is not visible to you.',
  })
  async vehicle(@Arg('vin', () => String) vin: string, @Ctx() ctx: Ctx) {
    return visibleOrNull(ctx, await ctx.loaders.vehicleByVin.load(assertVin(vin)), vehicleScope);
  }

  @Query(() => Vehicle, { nullable: true, description: 'A vehicle by plate (SSSSS-CYY-WW).' })
  async vehicleByPlate(@Arg('plate', () => String) plate: string, @Ctx() ctx: Ctx) {
    const v = await ctx.loaders.vehicleByPlate.load(assertPlate(plate));
    return visibleOrNull(ctx, v, vehicleScope);
  }

  @Query(() => VehicleConnection, {
    description: 'Vehicles registered in a wilaya, in VIN order, a page at a time.',
  })
  async vehicles(
    @Arg('wilayaCode', () => String) wilayaCode: string,
    @Arg('filter', () => VehicleFilter, { nullable: true }) filter: VehicleFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertWilayaCode(wilayaCode, 'wilayaCode');
    const basis = decideForGroup(ctx.principal, ctx.purpose, 'VEHICLES');
    if (!basis.allowed) throw accessDenied(basis, 'VEHICLES', ctx.purpose);
    const page = readPage(args, { list: 'Query.vehicles', scope: { wilayaCode, filter } });
    const rows = await vehiclesOfWilaya(ctx.db, wilayaCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.vehicleByVin.prime(row.vin, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.vin),
      vehicleScope,
    );
  }

  @Query(() => StolenCheck, {
    description:
      'Roadside check: is this plate reported stolen? Reveals no owner data; no token needed. Anonymous callers are rate-limited per address and per plate (RATE_LIMITED), and every lookup is logged.',
  })
  async stolenCheck(
    @Arg('plate', () => String) plate: string,
    @Ctx() ctx: Ctx,
  ): Promise<StolenCheck> {
    const p = assertPlate(plate);
    const v = await publicLookup(
      ctx,
      lookupStore,
      { lookup: 'stolenCheck', subject: p, rules: STOLEN_CHECK_LIMITS },
      () => ctx.loaders.vehicleByPlate.load(p),
    );
    return {
      plate: p,
      known: !!v,
      stolen: v?.status === 'STOLEN',
      make: v?.make ?? null,
      model: v?.model ?? null,
    };
  }

  @Mutation(() => RegistrationPayload, {
    description:
      "Registers a vehicle in the agent's wilaya: allocates its plate and issues the first registration card.",
  })
  async registerVehicle(
    @Arg('input', () => RegisterVehicleInput) input: RegisterVehicleInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = registrationAgent(ctx);
    const vin = assertVin(input.vin);
    const ownerNin = assertNin(input.ownerNin, 'ownerNin');
    const make = assertName(input.make, 'make');
    const model = assertName(input.model, 'model');
    const thisYear = Number(today().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < 1950 || input.year > thisYear + 1) {
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        `year must be between 1950 and ${thisYear + 1}`,
        'year',
      );
    }
    const asked = {
      vin,
      make,
      model,
      category: input.category,
      energy: input.energy,
      year: input.year,
      ownerNin,
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'registerVehicle',
      input: asked,
    };
    // A retry is answered from the first result, without consulting the registry again.
    const earlier = await replayedRegistration(ctx.db, request);
    if (earlier) return payload(ctx, earlier.vin, earlier.card, true);
    await assertLivingCitizen(ctx, ownerNin, 'ownerNin');
    try {
      const done = await registerVehicle(
        ctx.db,
        { ...asked, wilayaCode: agent.communeCode.slice(0, 2), date: today() },
        request,
      );
      return payload(ctx, done.vin, done.card, done.replayed);
    } catch (error) {
      return refusal(error);
    }
  }

  @Mutation(() => RegistrationPayload, {
    description:
      'Transfers a vehicle from its current owner to a living buyer: closes the old card and issues a new one, in one step.',
  })
  async transferOwnership(
    @Arg('input', () => TransferOwnershipInput) input: TransferOwnershipInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = registrationAgent(ctx);
    const vin = assertVin(input.vin);
    const sellerNin = assertNin(input.sellerNin, 'sellerNin');
    const buyerNin = assertNin(input.buyerNin, 'buyerNin');
    if (sellerNin === buyerNin)
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'the buyer and the seller are the same person',
        'buyerNin',
      );
    if (input.date > today())
      throw badInput(ErrorCode.INVALID_DATE, 'the date of sale cannot be in the future', 'date');
    const asked = { vin, sellerNin, buyerNin, date: input.date };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'transferOwnership',
      input: asked,
    };
    const earlier = await replayedRegistration(ctx.db, request);
    if (earlier) return payload(ctx, earlier.vin, earlier.card, true);
    const vehicle = await ctx.loaders.vehicleByVin.load(vin);
    if (!vehicle)
      throw appError(ErrorCode.VEHICLE_NOT_FOUND, `no vehicle with VIN ${vin}`, { field: 'vin' });
    const since = await currentOwnershipStart(ctx.db, vin);
    if (since && input.date < since) {
      throw badInput(
        ErrorCode.INVALID_DATE,
        `the seller owns this vehicle since ${since}; the sale cannot be dated before`,
        'date',
      );
    }
    await assertLivingCitizen(ctx, buyerNin, 'buyerNin');
    try {
      const done = await transferOwnership(ctx.db, asked, request);
      return payload(ctx, done.vin, done.card, done.replayed);
    } catch (error) {
      return refusal(error);
    }
  }

  @Mutation(() => Vehicle, {
    description:
      'Reports a vehicle stolen (its owner, or a service whose purpose covers vehicles).',
  })
  reportVehicleStolen(@Arg('vin', () => String) vin: string, @Ctx() ctx: Ctx) {
    return changeTheftStatus(ctx, vin, 'STOLEN');
  }

  @Mutation(() => Vehicle, { description: 'Reports a stolen vehicle recovered.' })
  reportVehicleRecovered(@Arg('vin', () => String) vin: string, @Ctx() ctx: Ctx) {
    return changeTheftStatus(ctx, vin, 'ACTIVE');
  }

  @FieldResolver(() => Citizen, { description: 'The current owner.' })
  currentOwner(@Root() v: VehicleRecord): Citizen {
    return { nin: v.ownerNin };
  }

  @FieldResolver(() => Wilaya, {
    description: 'The wilaya where it is registered (the plate’s last two digits).',
  })
  registeringWilaya(@Root() v: VehicleRecord): Wilaya {
    return { code: v.wilayaCode };
  }

  // Owners and cards grow by one with every transfer, without a bound: connections.
  @FieldResolver(() => OwnershipConnection, {
    description: 'Every owner, oldest first, a page at a time.',
  })
  async owners(@Root() v: VehicleRecord, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Vehicle.owners', scope: { vin: v.vin } });
    const rows = await ctx.loaders.ownershipsByVin.load({ parent: v.vin, page });
    return visibleConnection(
      ctx,
      toConnection(rows, page, (o) => String(o.id)),
      ownershipScope,
    );
  }

  @FieldResolver(() => RegistrationCardConnection, {
    description: 'Every registration card, oldest first, a page at a time.',
  })
  async registrationCards(
    @Root() v: VehicleRecord,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const page = readPage(args, { list: 'Vehicle.registrationCards', scope: { vin: v.vin } });
    const rows = await ctx.loaders.cardPagesByVin.load({ parent: v.vin, page });
    const connection = toConnection(rows, page, (c) => compositeKey(c.issueDate, c.number));
    return visibleConnection(ctx, connection, cardScope);
  }
}

async function changeTheftStatus(
  ctx: Ctx,
  rawVin: string,
  to: 'STOLEN' | 'ACTIVE',
): Promise<VehicleRecord> {
  const vin = assertVin(rawVin);
  const v = await ctx.loaders.vehicleByVin.load(vin);
  const p = ctx.principal;
  const isOwner = p.kind === 'citizen' && v?.ownerNin === p.nin;
  // The owner, or a service whose stated purpose is the police's: not any counter in the country.
  const isService =
    ctx.purpose !== null &&
    isPurpose(ctx.purpose) &&
    THEFT_REPORT_PURPOSES.includes(ctx.purpose) &&
    decideForGroup(p, ctx.purpose, 'VEHICLES').allowed;
  if (!v || !(isOwner || isService))
    throw appError(ErrorCode.VEHICLE_NOT_FOUND, `no vehicle ${vin} that you may report on`, {
      field: 'vin',
    });
  if (v.status === 'SCRAPPED')
    throw appError(ErrorCode.VEHICLE_SCRAPPED, 'this vehicle is scrapped');
  const actor = 'sub' in p ? p.sub : 'anonymous';
  if (!(await setStatus(ctx.db, vin, to, actor))) {
    throw appError(
      ErrorCode.CONFLICT,
      to === 'STOLEN'
        ? 'this vehicle is already reported stolen'
        : 'this vehicle is not reported stolen',
    );
  }
  ctx.loaders.vehicleByVin.clear(vin);
  return (await ctx.loaders.vehicleByVin.load(vin))!;
}

@Resolver(() => Ownership)
export class OwnershipResolver {
  @FieldResolver(() => Citizen)
  owner(@Root() o: OwnershipRecord): Citizen {
    return { nin: o.ownerNin };
  }
}

@Resolver(() => RegistrationCard)
export class RegistrationCardResolver {
  @FieldResolver(() => Citizen)
  holder(@Root() c: CardRecord): Citizen {
    return { nin: c.holderNin };
  }
}

@Resolver(() => Citizen)
export class CitizenVehiclesResolver {
  // A person may own any number of vehicles (a haulier's fleet): a connection.
  @FieldResolver(() => VehicleConnection, {
    description:
      'Vehicles the citizen owns now, in plate order, a page at a time (group VEHICLES).',
  })
  async vehicles(@Root() c: Citizen, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'Citizen.vehicles', scope: { nin: c.nin } });
    const rows = await ctx.loaders.vehiclesByOwner.load({ parent: c.nin, page });
    for (const row of rows) ctx.loaders.vehicleByVin.prime(row.vin, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (v) => v.plate),
      vehicleScope,
    );
  }
}

@Resolver(() => Wilaya)
export class WilayaVehiclesResolver {
  @FieldResolver(() => Int, {
    description: 'Vehicles registered in the wilaya and not stolen or scrapped.',
  })
  registeredVehicleCount(@Root() w: Wilaya, @Ctx() ctx: Ctx) {
    return ctx.loaders.vehicleCountByWilaya.load(w.code);
  }
}
