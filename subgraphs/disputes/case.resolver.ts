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
import { accessDenied, grantReach, visibleConnection, visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, badInput } from '../kit/errors.js';
import { assertCommuneCode, assertNif, assertNin } from '../kit/identifiers.js';
import { Money, money, parseDzd } from '../kit/money.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { assertLivingCitizen } from '../kit/registry-check.js';
import { litigationAgent, refusal } from './agent.js';
import {
  MoveCaseInput,
  OpenCaseFromNoticeInput,
  OpenCaseInput,
  RecordHearingInput,
  RecordJudgmentInput,
} from './case.input.js';
import {
  Case,
  CaseConnection,
  CaseEvent,
  CaseStatus,
  CommuneRole,
  Commune,
  Hearing,
  type CaseRecord,
} from './case.type.js';
import { Citizen } from './citizen.reference.js';
import { LeaseContract } from './lease.reference.js';
import type { DisputesLoaders } from './loaders.js';
import { unansweredNotice } from './notice-check.js';
import {
  casesOfCommune,
  moveCase,
  openCase,
  recordHearing,
  recordJudgment,
  replayedWrite,
} from './queries.js';
import { caseScope } from './scope.js';
import { appealDeadline } from './workflow.js';

type Ctx = Context<DisputesLoaders>;
const today = () => new Date().toISOString().slice(0, 10);
/** Above this, a claim is a typing error. */
const MAX_CLAIM_DZD = 100_000_000_000;

function text(value: string, field: string, max = 160): string {
  const v = value.trim();
  if (v.length < 2 || v.length > max || /[\u0000-\u001f]/.test(v))
    throw badInput(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be 2 to ${max} printable characters`,
      field,
    );
  return v;
}

function past(date: string, field: string): string {
  if (date > today())
    throw badInput(ErrorCode.INVALID_DATE, `${field} (${date}) cannot be in the future`, field);
  return date;
}

/** The opposing party: a citizen by NIN, a company by NIF and name, an administration by name. */
function partyOf(input: OpenCaseInput) {
  if (input.partyKind === 'CITIZEN') {
    if (!input.partyNin)
      throw badInput(ErrorCode.BAD_USER_INPUT, 'a citizen party needs partyNin', 'partyNin');
    return { partyNin: assertNin(input.partyNin, 'partyNin'), partyNif: null, partyName: null };
  }
  const partyName = text(input.partyName ?? '', 'partyName');
  if (input.partyKind === 'COMPANY')
    return { partyNin: null, partyNif: assertNif(input.partyNif ?? '', 'partyNif'), partyName };
  return { partyNin: null, partyNif: null, partyName };
}

async function reload(ctx: Ctx, number: string) {
  ctx.loaders.caseByNumber.clear(number);
  ctx.loaders.hearingsByCase.clear(number);
  ctx.loaders.eventsByCase.clear(number);
  return ctx.loaders.caseByNumber.load(number);
}

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, {
    nullable: true,
    description: 'A case by number; null when unknown or not yours to read (group CASES).',
  })
  async case(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    return visibleOrNull(
      ctx,
      await ctx.loaders.caseByNumber.load(number.trim().slice(0, 40)),
      caseScope,
    );
  }

  @Query(() => CaseConnection, {
    description:
      "A commune's cases in number order (group CASES; an agent reads only its own commune's).",
  })
  async cases(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('status', () => CaseStatus, { nullable: true }) status: CaseStatus | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    assertCommuneCode(communeCode, 'communeCode');
    if (ctx.principal.kind === 'ministry' || ctx.principal.kind === 'agent') {
      const basis = decideForGroup(ctx.principal, ctx.purpose, 'CASES');
      if (!basis.allowed) throw accessDenied(basis, 'CASES', ctx.purpose);
    }
    const page = readPage(args, { list: 'Query.cases', scope: { communeCode, status } });
    const rows = await casesOfCommune(ctx.db, communeCode, status ?? null, page);
    for (const row of rows) ctx.loaders.caseByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (c) => c.number),
      caseScope,
    );
  }

  @Mutation(() => Case, { description: "Opens a case of the agent's commune." })
  async openCase(@Arg('input', () => OpenCaseInput) input: OpenCaseInput, @Ctx() ctx: Ctx) {
    const agent = litigationAgent(ctx);
    const asked = {
      communeCode: agent.communeCode,
      role: input.role,
      court: text(input.court, 'court'),
      level: input.level,
      subject: input.subject,
      partyKind: input.partyKind,
      ...partyOf(input),
      lawyer: text(input.lawyer, 'lawyer'),
      amountClaimedCentimes: parseDzd(input.amountClaimed, 'amountClaimed', MAX_CLAIM_DZD),
      leaseNumber: null,
      noticeNumber: null,
      openedOn: past(input.openedOn, 'openedOn'),
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'openCase',
      input: asked,
    };
    // A retry is answered from the first result, before the registry is consulted again.
    const earlier = await replayedWrite(ctx.db, request);
    if (earlier) return reload(ctx, earlier.number);
    if (asked.partyNin) await assertLivingCitizen(ctx, asked.partyNin, 'partyNin');
    const { result } = await openCase(ctx.db, asked, agent.sub, request).catch(refusal);
    return reload(ctx, result.number);
  }

  @Mutation(() => Case, {
    description:
      'Sues a tenant who left a formal notice unanswered past its deadline: the case refers to the lease (patrimony) and claims the amount due.',
  })
  async openCaseFromNotice(
    @Arg('input', () => OpenCaseFromNoticeInput) input: OpenCaseFromNoticeInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = litigationAgent(ctx);
    const court = text(input.court, 'court');
    const lawyer = text(input.lawyer, 'lawyer');
    const notice = await unansweredNotice(ctx, input.noticeNumber.trim().slice(0, 40), today());
    const asked = {
      communeCode: agent.communeCode,
      role: CommuneRole.PLAINTIFF,
      court,
      level: 'FIRST_INSTANCE' as const,
      subject: 'LEASE_ARREARS' as const,
      partyKind: notice.tenantNin ? ('CITIZEN' as const) : ('COMPANY' as const),
      partyNin: notice.tenantNin,
      partyNif: notice.company?.nif ?? null,
      partyName: notice.company?.name ?? null,
      lawyer,
      amountClaimedCentimes: notice.amountDueCentimes,
      leaseNumber: notice.leaseNumber,
      noticeNumber: notice.number,
      openedOn: today(),
    };
    const request = {
      clientId: agent.clientId,
      key: input.idempotencyKey,
      operation: 'openCaseFromNotice',
      input: asked,
    };
    const { result } = await openCase(ctx.db, asked, agent.sub, request).catch(refusal);
    return reload(ctx, result.number);
  }

  @Mutation(() => Case, { description: 'Records a hearing of an open or appealed case.' })
  async recordHearing(
    @Arg('input', () => RecordHearingInput) input: RecordHearingInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = litigationAgent(ctx);
    const number = input.number.trim();
    await recordHearing(ctx.db, {
      number,
      communeCode: agent.communeCode,
      date: past(input.date, 'date'),
      outcome: text(input.outcome, 'outcome', 400),
      actor: agent.sub,
    }).catch(refusal);
    return reload(ctx, number);
  }

  @Mutation(() => Case, {
    description: 'Records the judgment of a case heard at its current level.',
  })
  async recordJudgment(
    @Arg('input', () => RecordJudgmentInput) input: RecordJudgmentInput,
    @Ctx() ctx: Ctx,
  ) {
    const agent = litigationAgent(ctx);
    const number = input.number.trim();
    await recordJudgment(ctx.db, {
      number,
      communeCode: agent.communeCode,
      date: past(input.date, 'date'),
      decision: input.decision,
      amountAwardedCentimes: input.amountAwarded
        ? parseDzd(input.amountAwarded, 'amountAwarded', MAX_CLAIM_DZD)
        : null,
      actor: agent.sub,
    }).catch(refusal);
    return reload(ctx, number);
  }

  @Mutation(() => Case, {
    description:
      'Appeals (before the deadline, to the next level), closes, settles or withdraws a case, as the workflow allows.',
  })
  async moveCase(@Arg('input', () => MoveCaseInput) input: MoveCaseInput, @Ctx() ctx: Ctx) {
    const agent = litigationAgent(ctx);
    const number = input.number.trim();
    await moveCase(ctx.db, {
      number,
      communeCode: agent.communeCode,
      to: input.to,
      today: today(),
      note: input.note ? text(input.note, 'note', 400) : null,
      actor: agent.sub,
    }).catch(refusal);
    return reload(ctx, number);
  }

  @FieldResolver(() => Commune)
  commune(@Root() c: CaseRecord): Commune {
    return { code: c.communeCode };
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'The opposing party, when a citizen.',
  })
  opposingParty(@Root() c: CaseRecord, @Ctx() ctx: Ctx): Citizen | null {
    if (!c.partyNin) return null;
    // The shield let this case through: its party is within the caller's reach too.
    grantReach(ctx, c.partyNin);
    return { nin: c.partyNin };
  }

  @FieldResolver(() => Money)
  amountClaimed(@Root() c: CaseRecord): Money {
    return money(c.amountClaimedCentimes);
  }

  @FieldResolver(() => Money, { nullable: true })
  amountAwarded(@Root() c: CaseRecord): Money | null {
    return c.amountAwardedCentimes === null ? null : money(c.amountAwardedCentimes);
  }

  @FieldResolver(() => LeaseContract, {
    nullable: true,
    description:
      'The lease this case is about (patrimony subgraph; its fields are the LEASES group).',
  })
  lease(@Root() c: CaseRecord): LeaseContract | null {
    return c.leaseNumber ? { number: c.leaseNumber } : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Last day to appeal the last judgment, computed from its date and level; null when not judged or final.',
  })
  appealDeadline(@Root() c: CaseRecord): string | null {
    return c.status === 'JUDGED' ? appealDeadline(c.level, c.judgmentDate) : null;
  }

  // A case is heard a handful of times per level.
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [Hearing], { description: 'Hearings, oldest first.' })
  hearings(@Root() c: CaseRecord, @Ctx() ctx: Ctx) {
    return ctx.loaders.hearingsByCase.load(c.number);
  }

  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [CaseEvent], { description: 'Every step of the case, oldest first.' })
  async history(@Root() c: CaseRecord, @Ctx() ctx: Ctx): Promise<CaseEvent[]> {
    return (await ctx.loaders.eventsByCase.load(c.number)) as CaseEvent[];
  }
}
