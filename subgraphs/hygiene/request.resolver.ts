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
import { grantReach, visibleConnection, visibleOrNull } from '../kit/access.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, forbidden } from '../kit/errors.js';
import { assertCommuneCode } from '../kit/identifiers.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import { assertMobile } from '../kit/phone.js';
import { admitPublicLookup } from '../kit/public-lookup.js';
import { assertCommuneExists } from '../kit/territory-check.js';
import { Citizen } from './citizen.type.js';
import { Commune } from './commune.type.js';
import { Establishment } from './establishment.type.js';
import type { HygieneLoaders } from './loaders.js';
import { closedMessage } from './notifications.js';
import { FILE_REQUEST_LIMITS } from './public-lookups.js';
import {
  FileHygieneRequestInput,
  HygieneRequestFilter,
  MoveHygieneRequestInput,
} from './request.input.js';
import {
  communeRequests,
  fileRequest,
  lookupStore,
  moveRequest,
  replayedFiling,
} from './request.queries.js';
import { assertPlace, assertRequestText, cleanNote } from './request.rules.js';
import {
  FileHygieneRequestPayload,
  HygieneRequest,
  HygieneRequestConnection,
  HygieneRequestEvent,
  type RequestRecord,
} from './request.type.js';
import { requestScope } from './scope.js';
import { CLOSED, NOTIFY_ON, REQUEST_STATUSES, isOfficeOf, moveProblem } from './workflow.js';

type Ctx = Context<HygieneLoaders>;
const iso = (at: string | null) => (at ? new Date(at).toISOString() : null);

/** Who files: a signed-in citizen, or the kiosk (anonymous, with a phone number). */
function filerOf(ctx: Ctx, phone: string | null | undefined) {
  const p = ctx.principal;
  if (p.kind === 'citizen') {
    return {
      requesterNin: p.nin,
      contactPhone: phone ? assertMobile(phone, 'contactPhone') : null,
      channel: 'SIGNED_IN' as const,
      clientId: `citizen:${p.nin}`,
      actor: { actorKind: 'CITIZEN', actor: p.sub },
    };
  }
  if (p.kind === 'anonymous') {
    if (!phone) {
      throw appError(
        ErrorCode.INVALID_PHONE,
        'at the kiosk, leave a mobile number: the answer is sent there, and it lets you follow the request',
        { field: 'contactPhone' },
      );
    }
    return {
      requesterNin: null,
      contactPhone: assertMobile(phone, 'contactPhone'),
      channel: 'KIOSK' as const,
      clientId: `kiosk:${ctx.clientAddress ?? 'unknown'}`,
      actor: { actorKind: 'ANONYMOUS', actor: 'kiosk' },
    };
  }
  throw forbidden('requests are filed by citizens, signed in or at the kiosk');
}

@Resolver(() => HygieneRequest)
export class HygieneRequestResolver {
  @Mutation(() => FileHygieneRequestPayload, {
    description:
      "Files a citizens' request with a commune's hygiene office: signed in as a citizen, or at the kiosk without a token (then contactPhone is required). Gives its number and deadline; safe to retry with the same idempotencyKey. Kiosk filings are rate-limited per address (RATE_LIMITED).",
  })
  async fileHygieneRequest(
    @Arg('input', () => FileHygieneRequestInput) input: FileHygieneRequestInput,
    @Ctx() ctx: Ctx,
  ): Promise<FileHygieneRequestPayload> {
    const communeCode = assertCommuneCode(input.communeCode, 'communeCode');
    const place = assertPlace(input.place);
    const text = assertRequestText(input.text);
    const filer = filerOf(ctx, input.contactPhone);
    const establishmentId = input.establishmentId?.trim() || null;
    if (establishmentId) {
      const e = await ctx.loaders.establishmentById.load(establishmentId);
      if (!e || e.communeCode !== communeCode) {
        throw appError(
          ErrorCode.ESTABLISHMENT_NOT_FOUND,
          `no establishment ${establishmentId.slice(0, 40)} in commune ${communeCode}`,
          { field: 'establishmentId' },
        );
      }
    }
    const asked = {
      communeCode,
      category: input.category,
      place,
      text,
      establishmentId,
      requesterNin: filer.requesterNin,
      contactPhone: filer.contactPhone,
      channel: filer.channel,
    };
    const idempotency = {
      clientId: filer.clientId,
      key: input.idempotencyKey,
      operation: 'fileHygieneRequest',
      input: asked,
    };
    const earlier = await replayedFiling(ctx.db, idempotency);
    if (earlier) return { ...earlier, replayed: true } as FileHygieneRequestPayload;
    if (!establishmentId) await assertCommuneExists(ctx, communeCode, 'communeCode');
    await admitPublicLookup(
      ctx,
      lookupStore,
      'fileHygieneRequest',
      communeCode,
      FILE_REQUEST_LIMITS,
    );
    return (await fileRequest(
      ctx.db,
      asked,
      idempotency,
      filer.actor,
    )) as FileHygieneRequestPayload;
  }

  @Mutation(() => HygieneRequest, {
    description:
      'Moves a request one step, by the hygiene office of its commune (see HygieneRequestStatus). Closing (RESOLVED, REJECTED) needs a justification and tells the requester by SMS. Name the version you read: CONFLICT if it changed since.',
  })
  async moveHygieneRequest(
    @Arg('input', () => MoveHygieneRequestInput) input: MoveHygieneRequestInput,
    @Ctx() ctx: Ctx,
  ): Promise<RequestRecord> {
    const request = await ctx.loaders.requestByNumber.load(input.number.trim().toUpperCase());
    if (!request || !isOfficeOf(ctx.principal, ctx.purpose, request)) {
      throw appError(
        ErrorCode.REQUEST_NOT_FOUND,
        `no request ${input.number.slice(0, 40)} that you may act on`,
        {
          field: 'number',
        },
      );
    }
    if (input.expectedVersion !== request.version) {
      throw appError(
        ErrorCode.CONFLICT,
        `request ${request.number} is at version ${request.version}, not ${input.expectedVersion}: reload it`,
      );
    }
    const note = cleanNote(input.justification);
    const assignee = cleanNote(input.assignee);
    const problem = moveProblem(request.status, input.status, { justification: note, assignee });
    if (problem) throw appError(ErrorCode[problem.code], problem.message, { field: problem.field });
    const to = input.status;
    const notification =
      NOTIFY_ON.includes(to) && request.contactPhone
        ? {
            kind: `REQUEST_${to}`,
            recipient: request.contactPhone,
            message: closedMessage(request, to as 'RESOLVED' | 'REJECTED', note!),
          }
        : null;
    const p = ctx.principal as { sub: string };
    const moved = await moveRequest(ctx.db, {
      number: request.number,
      from: request.status,
      to,
      expectedVersion: input.expectedVersion,
      assignee,
      note,
      actor: p.sub,
      actorKind: 'AGENT',
      notification,
    });
    if (!moved) {
      throw appError(
        ErrorCode.CONFLICT,
        `request ${request.number} was changed by someone else just now: reload it`,
      );
    }
    ctx.loaders.requestByNumber.clear(request.number);
    return (await ctx.loaders.requestByNumber.load(request.number))!;
  }

  @Query(() => HygieneRequest, {
    nullable: true,
    description:
      'A request by number: for the hygiene office of its commune and for its requester; null for anyone else, as for a number that does not exist.',
  })
  async hygieneRequest(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    const request = await ctx.loaders.requestByNumber.load(number.trim().toUpperCase());
    return visibleOrNull(ctx, request, requestScope);
  }

  @Query(() => HygieneRequestConnection, {
    description:
      "The hygiene office's queue: its commune's requests in number order (oldest first), filtered by status, category or overdue.",
  })
  async hygieneRequests(
    @Arg('filter', () => HygieneRequestFilter, { nullable: true })
    filter: HygieneRequestFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const p = ctx.principal;
    if (p.kind !== 'agent') throw forbidden('the queue is for the hygiene office of a commune');
    const page = readPage(args, {
      list: 'Query.hygieneRequests',
      scope: { communeCode: p.communeCode, filter },
    });
    const rows = await communeRequests(ctx.db, p.communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.requestByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.number),
      requestScope,
    );
  }

  @FieldResolver(() => Citizen, {
    nullable: true,
    description: 'Who filed it, when signed in; null for a kiosk request.',
  })
  requester(@Root() r: RequestRecord, @Ctx() ctx: Ctx): Citizen | null {
    if (!r.requesterNin) return null;
    // The shield let this request through: its requester is within the office's reach.
    grantReach(ctx, r.requesterNin);
    return { nin: r.requesterNin };
  }

  @FieldResolver(() => Establishment, {
    nullable: true,
    description: 'The establishment reported, if any.',
  })
  establishment(@Root() r: RequestRecord, @Ctx() ctx: Ctx) {
    return r.establishmentId ? ctx.loaders.establishmentById.load(r.establishmentId) : null;
  }

  @FieldResolver(() => Commune)
  commune(@Root() r: RequestRecord): Commune {
    return { code: r.communeCode };
  }

  @FieldResolver(() => String, { description: 'ISO 8601 instant.' })
  filedAt(@Root() r: RequestRecord) {
    return iso(r.filedAt);
  }

  @FieldResolver(() => String, { description: 'By when the office should close it (by category).' })
  deadline(@Root() r: RequestRecord) {
    return iso(r.deadline);
  }

  @FieldResolver(() => String, { nullable: true })
  closedAt(@Root() r: RequestRecord) {
    return iso(r.closedAt);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its deadline.' })
  overdue(@Root() r: RequestRecord): boolean {
    return !CLOSED.includes(r.status) && new Date(r.deadline).getTime() < Date.now();
  }

  // A plain list: the workflow has no cycle, so one step per status at most.
  @Directive(`@listSize(assumedSize: ${REQUEST_STATUSES.length})`)
  @FieldResolver(() => [HygieneRequestEvent], { description: 'Every step so far: who, when, why.' })
  async history(@Root() r: RequestRecord, @Ctx() ctx: Ctx) {
    const events = await ctx.loaders.eventsByRequest.load(r.number);
    return events.map((e) => ({ ...e, at: iso(e.at) }));
  }
}
