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
import { decideForGroup } from '../../schema/access-decision.js';
import { accessDenied, grantReach, visibleConnection, visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput, forbidden } from '../kit/errors.js';
import { assertNin } from '../kit/identifiers.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { assertMobile } from '../kit/phone.js';
import { Citizen } from './citizen.type.js';
import { Commune } from './commune.type.js';
import {
  CertificateRequestFilter,
  DecideCertificateRequestInput,
  RequestCertificateInput,
} from './certificate.input.js';
import { certificateFacts, signCertificate } from './certificate.issue.js';
import { approvedMessage, refusedMessage } from './certificate.notifications.js';
import { CERTIFICATE_PROCEDURES, type CertificateTypeName } from './certificate.procedures.js';
import {
  DuplicateCertificateRequest,
  communeCertificateQueue,
  decideCertificateRequest,
  fileCertificateRequest,
  replayedCertificateRequest,
} from './certificate.queries.js';
import {
  addressFor,
  assertApplicable,
  assertCertificateType,
  assertReason,
} from './certificate.rules.js';
import {
  CertificateChannel,
  CertificateRequest,
  CertificateRequestConnection,
  CertificateRequestEvent,
  RequestCertificatePayload,
  SignedCertificate,
  type CertificateRequestRecord,
} from './certificate.type.js';
import {
  CERTIFICATE_REQUEST_STATUSES,
  decisionProblem,
  isDeciderOf,
  type CertificateRequestStatusName,
} from './certificate.workflow.js';
import type { CitizensLoaders } from './loaders.js';
import { certificateRequestScope, citizenScope } from './scope.js';

type Ctx = Context<CitizensLoaders>;
const iso = (at: string | null) => (at ? new Date(at).toISOString() : null);

/** Unique-index races (two keys, one person and type) end as the same refusal as the check. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Who asks, for whom, through which channel: a citizen for themself (online or at the
 * kiosk), or an agent whose purpose covers CERTIFICATES at a counter for the citizen named.
 */
function requesterOf(ctx: Ctx, input: RequestCertificateInput) {
  const p = ctx.principal;
  if (p.kind === 'citizen') {
    if (input.nin && input.nin !== p.nin)
      throw appError(ErrorCode.NOT_SELF, 'a citizen requests their own certificates only', {
        field: 'nin',
      });
    const channel = input.channel ?? CertificateChannel.ONLINE;
    if (channel === CertificateChannel.COUNTER)
      throw badInput(
        ErrorCode.BAD_USER_INPUT,
        'a citizen asks ONLINE or at the KIOSK; COUNTER is for an agent',
        'channel',
      );
    return { nin: p.nin, channel, purpose: null, actor: { actorKind: 'CITIZEN', actor: p.sub } };
  }
  if (p.kind === 'agent') {
    const basis = decideForGroup(p, ctx.purpose, 'CERTIFICATES');
    if (!basis.allowed) throw accessDenied(basis, 'CERTIFICATES', ctx.purpose);
    if (!input.nin)
      throw badInput(ErrorCode.INVALID_NIN, 'name the citizen you file for (nin)', 'nin');
    return {
      nin: assertNin(input.nin, 'nin'),
      channel: CertificateChannel.COUNTER,
      purpose: basis.purpose,
      actor: { actorKind: 'AGENT', actor: p.sub },
    };
  }
  throw forbidden('certificates are requested by the citizen, or by an agent at a counter');
}

@Resolver(() => CertificateRequest)
export class CertificateRequestResolver {
  @Mutation(() => RequestCertificatePayload, {
    description:
      "Requests a certificate: a citizen for themself (online or at the kiosk), or an agent at a counter for the citizen named. It goes to the civil-status office of the citizen's birth commune (an agent's: their own commune), which approves or refuses it; the citizen is told by SMS. Safe to retry with the same idempotencyKey.",
  })
  async requestCertificate(
    @Arg('input', () => RequestCertificateInput) input: RequestCertificateInput,
    @Ctx() ctx: Ctx,
  ): Promise<RequestCertificatePayload> {
    const type = assertCertificateType(input.type);
    const reason = assertReason(input.reason);
    const address = addressFor(type, input.address);
    const contactPhone = assertMobile(input.contactPhone, 'contactPhone');
    const who = requesterOf(ctx, input);
    const asked = { nin: who.nin, type, reason, address, channel: who.channel, contactPhone };
    const idempotency = {
      clientId: (ctx.principal as { clientId: string }).clientId,
      key: input.idempotencyKey,
      operation: 'requestCertificate',
      input: asked,
    };
    const earlier = await replayedCertificateRequest(ctx.db, idempotency);
    if (earlier) return this.payload(ctx, earlier.number, true, null);

    const person = await ctx.loaders.citizenByNin.load(who.nin);
    if (!person)
      throw appError(ErrorCode.CITIZEN_NOT_FOUND, `no citizen with NIN ${who.nin}`, {
        field: 'nin',
      });
    // An agent's check of the registry is a consultation, as at any counter.
    if (who.purpose)
      for (const group of ['IDENTITY', 'CIVIL_STATUS', 'DEATH'] as const)
        ctx.consultations.record(who.nin, group, who.purpose);
    assertApplicable(type, person);
    const p = ctx.principal;
    const communeCode = p.kind === 'agent' ? p.communeCode : person.birthCommuneCode;
    try {
      const filed = await fileCertificateRequest(
        ctx.db,
        { ...asked, communeCode, applicantBirthDate: person.birthDate },
        idempotency,
        who.actor,
      );
      return this.payload(ctx, filed.number, filed.replayed, filed.trackingCode);
    } catch (error) {
      if (error instanceof DuplicateCertificateRequest)
        throw appError(ErrorCode.DUPLICATE_CERTIFICATE_REQUEST, error.message, { field: 'type' });
      if (isUniqueViolation(error))
        throw appError(
          ErrorCode.DUPLICATE_CERTIFICATE_REQUEST,
          `a request for this ${type} is not decided yet`,
          { field: 'type' },
        );
      throw error;
    }
  }

  private async payload(ctx: Ctx, number: string, replayed: boolean, trackingCode: string | null) {
    const request = await ctx.loaders.certificateRequestByNumber.load(number);
    return { request: request as CertificateRequest, replayed, trackingCode };
  }

  @Mutation(() => CertificateRequest, {
    description:
      "Approves (the certificate is signed, as the digital extract) or refuses (with a justification) a certificate request, by the civil-status office of the request's commune. The citizen is told by SMS either way. Name the version you read: CONFLICT if it changed since.",
  })
  async decideCertificateRequest(
    @Arg('input', () => DecideCertificateRequestInput) input: DecideCertificateRequestInput,
    @Ctx() ctx: Ctx,
  ): Promise<CertificateRequestRecord> {
    const number = input.number.trim().toUpperCase().slice(0, 40);
    const request = await ctx.loaders.certificateRequestByNumber.load(number);
    const p = ctx.principal;
    if (!request || p.kind !== 'agent' || p.communeCode !== request.communeCode)
      throw appError(
        ErrorCode.CERTIFICATE_REQUEST_NOT_FOUND,
        `no certificate request ${number} that you may act on`,
        { field: 'number' },
      );
    if (!isDeciderOf(p, ctx.purpose, request))
      throw forbidden(
        'only the civil-status office of the commune decides certificate requests (service CIVIL_STATUS, a purpose covering CERTIFICATES)',
      );
    if (input.expectedVersion !== request.version)
      throw appError(
        ErrorCode.CONFLICT,
        `request ${number} is at version ${request.version}, not ${input.expectedVersion}: reload it and decide again`,
      );
    const to: CertificateRequestStatusName = input.decision === 'APPROVE' ? 'APPROVED' : 'REFUSED';
    const justification = input.justification?.trim().slice(0, 500) || null;
    const problem = decisionProblem(request.status, to, justification);
    if (problem) throw appError(ErrorCode[problem.code], problem.message, { field: problem.field });

    const decision = decideForGroup(p, ctx.purpose, 'CERTIFICATES');
    if (!decision.allowed) throw accessDenied(decision, 'CERTIFICATES', ctx.purpose);
    const basis = decision.purpose;
    let sign = null;
    if (to === 'APPROVED') {
      const person = await ctx.loaders.citizenByNin.load(request.nin);
      // What is signed is what the registry says today: a death since the request stops it.
      if (person) assertApplicable(request.type as CertificateTypeName, person);
      const facts = await certificateFacts(ctx, request);
      if (!facts)
        throw appError(ErrorCode.ACT_NOT_FOUND, `no birth act for NIN ${request.nin}`, {
          field: 'number',
        });
      sign = (tx: typeof ctx.db) =>
        signCertificate(tx, request, facts, `agent:${p.communeCode}/${p.sub}`);
      for (const group of ['IDENTITY', 'FILIATION', 'CIVIL_STATUS', 'CIVIL_ACTS'] as const)
        ctx.consultations.record(request.nin, group, basis);
    }
    ctx.consultations.record(request.nin, 'CERTIFICATES', basis);
    const decided = await decideCertificateRequest(ctx.db, {
      number,
      to,
      expectedVersion: input.expectedVersion,
      justification,
      actor: p.sub,
      notification: {
        kind: `CERTIFICATE_${to}`,
        recipient: request.contactPhone,
        message:
          to === 'APPROVED'
            ? approvedMessage({ number, type: request.type as CertificateTypeName })
            : refusedMessage({ number }, justification!),
      },
      sign,
    });
    if (!decided)
      throw appError(
        ErrorCode.CONFLICT,
        `request ${number} was decided by someone else just now: reload it`,
      );
    ctx.loaders.certificateRequestByNumber.clear(number);
    return (await ctx.loaders.certificateRequestByNumber.load(number))!;
  }

  @Query(() => CertificateRequest, {
    nullable: true,
    description:
      'A certificate request by number: for its citizen and for the agents of the commune that decides it; null for anyone else, as for a number that does not exist.',
  })
  async certificateRequest(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    const n = number.trim().toUpperCase().slice(0, 40);
    return visibleOrNull(
      ctx,
      await ctx.loaders.certificateRequestByNumber.load(n),
      certificateRequestScope,
      'CERTIFICATES',
    );
  }

  @Query(() => CertificateRequestConnection, {
    description:
      "The civil-status office's queue: its commune's certificate requests in number order (oldest first), each with its age.",
  })
  async certificateRequestQueue(
    @Arg('filter', () => CertificateRequestFilter, { nullable: true })
    filter: CertificateRequestFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const p = ctx.principal;
    if (p.kind !== 'agent') throw forbidden('the queue is for the agents of a commune');
    const page = readPage(args, {
      list: 'Query.certificateRequestQueue',
      scope: { communeCode: p.communeCode, filter },
    });
    const rows = await communeCertificateQueue(ctx.db, p.communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.certificateRequestByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.number),
      certificateRequestScope,
      'CERTIFICATES',
    );
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'Whose certificate it is.',
  })
  async citizen(@Root() r: CertificateRequestRecord, @Ctx() ctx: Ctx) {
    // The shield let this request through: its citizen is within the office's reach.
    grantReach(ctx, r.nin);
    return visibleOrNull(ctx, await ctx.loaders.citizenByNin.load(r.nin), citizenScope);
  }

  @FieldResolver(() => Commune, {
    description: 'The commune whose civil-status office decides it.',
  })
  commune(@Root() r: CertificateRequestRecord): Commune {
    return { code: r.communeCode };
  }

  @FieldResolver(() => String, { description: 'ISO 8601 instant.' })
  submittedAt(@Root() r: CertificateRequestRecord) {
    return iso(r.submittedAt);
  }

  @FieldResolver(() => String, { nullable: true, description: 'ISO 8601 instant.' })
  decidedAt(@Root() r: CertificateRequestRecord) {
    return iso(r.decidedAt);
  }

  @FieldResolver(() => Int, {
    description:
      'Whole hours it has waited: since submission while SUBMITTED, until the decision once decided.',
  })
  ageHours(@Root() r: CertificateRequestRecord): number {
    const end = r.decidedAt ? new Date(r.decidedAt).getTime() : Date.now();
    return Math.max(0, Math.floor((end - new Date(r.submittedAt).getTime()) / 3_600_000));
  }

  // A plain list: the guide names a handful of pieces per certificate.
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [String], {
    description: 'The pieces the guide lists for this certificate.',
  })
  piecesRequired(@Root() r: CertificateRequestRecord): string[] {
    return CERTIFICATE_PROCEDURES[r.type as CertificateTypeName].piecesRequired;
  }

  @FieldResolver(() => SignedCertificate, {
    nullable: true,
    description:
      'The signed certificate once APPROVED: for the citizen themself only (null for anyone else, and before approval). Present it with verifyExtract.',
  })
  certificate(@Root() r: CertificateRequestRecord, @Ctx() ctx: Ctx): SignedCertificate | null {
    const p = ctx.principal;
    if (p.kind !== 'citizen' || p.nin !== r.nin || !r.credential || !r.certificateCode) return null;
    return { credential: r.credential, code: r.certificateCode };
  }

  // A plain list: the workflow has no cycle, so one step per status at most.
  @Directive(`@listSize(assumedSize: ${CERTIFICATE_REQUEST_STATUSES.length})`)
  @FieldResolver(() => [CertificateRequestEvent], {
    description: 'Every step so far: who, when, why.',
  })
  async history(@Root() r: CertificateRequestRecord, @Ctx() ctx: Ctx) {
    const events = await ctx.loaders.eventsByCertificateRequest.load(r.number);
    return events.map((e) => ({ ...e, at: iso(e.at) }));
  }
}
