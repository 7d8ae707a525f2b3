import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import {
  accessDenied,
  grantReach,
  visibleConnection,
  visibleOrNull,
  visibleRows,
} from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertCommuneCode, assertMobilePhone, assertNif, assertNin } from '../kit/identifiers.js';
import { Money, money, parseDzd } from '../kit/money.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { assertLivingCitizen } from '../kit/registry-check.js';
import { patrimonyAgent, refusal } from './agent.js';
import { Asset, Commune } from './asset.type.js';
import { Citizen } from './citizen.reference.js';
import { EndLeaseInput, RecordPaymentInput, SignLeaseInput } from './lease.input.js';
import {
  MAX_MONTHLY_RENT_DZD,
  MAX_PAYMENT_DZD,
  arrearsOf,
  assertLeasePeriod,
  today,
} from './lease.rules.js';
import {
  Arrears,
  Company,
  FormalNotice,
  LeaseContract,
  LeaseContractConnection,
  LeaseStatus,
  Payment,
  PaymentConnection,
  TenantKind,
  type LeaseRecord,
  type PaymentRecord,
} from './lease.type.js';
import type { PatrimonyLoaders } from './loaders.js';
import {
  endLease,
  leasesOfCommune,
  paymentByReceipt,
  recordPayment,
  replayedWrite,
  signLease,
} from './queries.js';
import { leaseScope, noticeScope } from './scope.js';
import { assertPast } from './validate.js';

type Ctx = Context<PatrimonyLoaders>;

export const toPayment = (p: PaymentRecord): Payment => ({ ...p, amount: money(p.amountCentimes) });

/** Who the tenant is: exactly one of a NIN, or a NIF with a name. */
function tenantOf(input: SignLeaseInput) {
  const nin = input.tenantNin?.trim() || null;
  const nif = input.tenantNif?.trim() || null;
  if ((nin === null) === (nif === null))
    throw badInput(
      ErrorCode.INVALID_TENANT,
      'give the tenant as either a citizen (tenantNin) or a company (tenantNif and tenantName), not both and not neither',
      'tenantNin',
    );
  if (nin) return { tenantNin: assertNin(nin, 'tenantNin'), tenantNif: null, tenantName: null };
  const name = input.tenantName?.trim() ?? '';
  if (name.length < 2 || name.length > 120)
    throw badInput(
      ErrorCode.INVALID_TENANT,
      'a company tenant needs tenantName (2 to 120 characters)',
      'tenantName',
    );
  return { tenantNin: null, tenantNif: assertNif(nif!, 'tenantNif'), tenantName: name };
}

@Resolver(() => LeaseContract)
export class LeaseResolver {
  @Query(() => LeaseContract, {
    nullable: true,
    description: 'A lease by number; null when unknown or not yours to read (group LEASES).',
  })
  async lease(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    return visibleOrNull(
      ctx,
      await ctx.loaders.leaseByNumber.load(number.trim().slice(0, 40)),
      leaseScope,
    );
  }

  @Query(() => LeaseContractConnection, {
    description:
      "A commune's leases in number order, a page at a time (group LEASES; an agent reads only its own commune's).",
  })
  async leases(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('status', () => LeaseStatus, { nullable: true }) status: LeaseStatus | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    if (ctx.principal.kind === 'ministry' || ctx.principal.kind === 'agent') {
      const basis = decideForGroup(ctx.principal, ctx.purpose, 'LEASES');
      if (!basis.allowed) throw accessDenied(basis, 'LEASES', ctx.purpose);
    }
    const page = readPage(args, { list: 'Query.leases', scope: { communeCode, status } });
    const rows = await leasesOfCommune(ctx.db, communeCode, status ?? null, page);
    for (const row of rows) ctx.loaders.leaseByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (l) => l.number),
      leaseScope,
    );
  }

  @Mutation(() => LeaseContract, {
    description:
      "Leases a productive asset of the agent's commune. Refused for a non-productive asset, a period overlapping another lease, or a tenant not alive in the registry.",
  })
  async signLease(@Arg('input', () => SignLeaseInput) input: SignLeaseInput, @Ctx() ctx: Ctx) {
    const agent = patrimonyAgent(ctx);
    const tenant = tenantOf(input);
    assertLeasePeriod(input.startDate, input.endDate);
    const asked = {
      assetInventoryNumber: input.inventoryNumber.trim(),
      communeCode: agent.communeCode,
      ...tenant,
      tenantPhone: assertMobilePhone(input.tenantPhone, 'tenantPhone'),
      startDate: input.startDate,
      endDate: input.endDate,
      monthlyRentCentimes: parseDzd(input.monthlyRent, 'monthlyRent', MAX_MONTHLY_RENT_DZD),
      depositCentimes: input.deposit
        ? parseDzd(input.deposit, 'deposit', MAX_MONTHLY_RENT_DZD * 12)
        : 0,
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'signLease',
      input: asked,
    };
    // A retry is answered from the first result, before the registry is consulted again.
    const earlier = await replayedWrite(ctx.db, request);
    if (earlier) return ctx.loaders.leaseByNumber.load(earlier.number);
    if (tenant.tenantNin) await assertLivingCitizen(ctx, tenant.tenantNin, 'tenantNin');
    const { result } = await signLease(ctx.db, asked, request).catch(refusal);
    return ctx.loaders.leaseByNumber.load(result.number);
  }

  @Mutation(() => Payment, {
    description: 'Records rent received on an active lease, and numbers its receipt.',
  })
  async recordPayment(
    @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = patrimonyAgent(ctx);
    const asked = {
      leaseNumber: input.leaseNumber.trim(),
      communeCode: agent.communeCode,
      paidOn: assertPast(input.paidOn, 'paidOn'),
      amountCentimes: parseDzd(input.amount, 'amount', MAX_PAYMENT_DZD),
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'recordPayment',
      input: asked,
    };
    const { result } = await recordPayment(ctx.db, { ...asked, actor: agent.sub }, request).catch(
      refusal,
    );
    return toPayment((await paymentByReceipt(ctx.db, result.receiptNumber))!);
  }

  @Mutation(() => LeaseContract, {
    description: 'Ends an active lease at its term or terminates it early.',
  })
  async endLease(@Arg('input', () => EndLeaseInput) input: EndLeaseInput, @Ctx() ctx: Ctx) {
    const agent = patrimonyAgent(ctx);
    if (input.status === 'ACTIVE')
      throw badInput(ErrorCode.ILLEGAL_TRANSITION, 'a lease ends as ENDED or TERMINATED', 'status');
    const number = input.number.trim();
    await endLease(ctx.db, {
      number,
      communeCode: agent.communeCode,
      on: input.on,
      status: input.status,
    }).catch(refusal);
    ctx.loaders.leaseByNumber.clear(number);
    return ctx.loaders.leaseByNumber.load(number);
  }

  @FieldResolver(() => Asset, { nullable: true })
  asset(@Root() l: LeaseRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.assetByNumber.load(l.assetInventoryNumber);
  }

  @FieldResolver(() => Commune)
  commune(@Root() l: LeaseRecord): Commune {
    return { code: l.communeCode };
  }

  @FieldResolver(() => TenantKind)
  tenantKind(@Root() l: LeaseRecord): TenantKind {
    return l.tenantNin ? TenantKind.CITIZEN : TenantKind.COMPANY;
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'The citizen tenant; null for a company.',
  })
  tenant(@Root() l: LeaseRecord, @Ctx() ctx: Ctx): Citizen | null {
    if (!l.tenantNin) return null;
    // The shield let this lease through (it is within the caller's reach), so its tenant is
    // too, in the registry this request goes on to, wherever they were born.
    grantReach(ctx, l.tenantNin);
    return { nin: l.tenantNin };
  }

  @FieldResolver(() => Company, {
    nullable: true,
    description: 'The company tenant; null for a citizen.',
  })
  company(@Root() l: LeaseRecord): Company | null {
    return l.tenantNif ? { nif: l.tenantNif, name: l.tenantName ?? '' } : null;
  }

  @FieldResolver(() => Money)
  monthlyRent(@Root() l: LeaseRecord): Money {
    return money(l.monthlyRentCentimes);
  }

  @FieldResolver(() => Money)
  deposit(@Root() l: LeaseRecord): Money {
    return money(l.depositCentimes);
  }

  @FieldResolver(() => Arrears, {
    description: 'What the tenant owes today, from the schedule and the payments.',
  })
  async arrears(@Root() l: LeaseRecord, @Ctx() ctx: Ctx): Promise<Arrears> {
    const a = arrearsOf(l, await ctx.loaders.paidByLease.load(l.number), today());
    return {
      asOf: a.asOf,
      monthsDue: a.monthsDue,
      due: money(a.dueCentimes),
      paid: money(a.paidCentimes),
      amount: money(a.arrearsCentimes),
      monthsInArrears: a.monthsInArrears,
    };
  }

  @FieldResolver(() => PaymentConnection, { description: 'Payments received, oldest first.' })
  async payments(@Root() l: LeaseRecord, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    const page = readPage(args, { list: 'LeaseContract.payments', scope: { lease: l.number } });
    const rows = await ctx.loaders.paymentsByLease.load({ parent: l.number, page });
    const connection = toConnection(rows, page, (p) => String(p.id));
    return {
      ...connection,
      nodes: connection.nodes.map(toPayment),
      edges: connection.edges.map((e) => ({ ...e, node: toPayment(e.node) })),
    };
  }

  // At most one notice a month: bounded by the lease's length.
  @Directive('@listSize(assumedSize: 12)')
  @FieldResolver(() => [FormalNotice], {
    description: 'Formal notices issued on this lease, oldest first.',
  })
  async notices(@Root() l: LeaseRecord, @Ctx() ctx: Ctx) {
    return visibleRows(ctx, await ctx.loaders.noticesByLease.load(l.number), noticeScope);
  }
}
