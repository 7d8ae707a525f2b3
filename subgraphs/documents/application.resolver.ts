import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
  Directive,
} from 'type-graphql';
import { decideForGroup } from '../../schema/access-decision.js';
import { accessDenied, grantReach, visibleConnection, visibleOrNull } from '../kit/access.js';
import { applicationScope, documentScope } from './scope.js';
import { assertCommuneCode, assertNin } from '../kit/identifiers.js';
import type { Context } from '../kit/context.js';
import { ErrorCode, appError, badInput, forbidden } from '../kit/errors.js';
import { PageArgs, readPage, toConnection } from '../kit/pagination.js';
import {
  ApplicationFilter,
  ChangeApplicationStatusInput,
  SubmitApplicationInput,
  SubmitApplicationPayload,
} from './application.input.js';
import {
  Application,
  ApplicationConnection,
  ApplicationEvent,
  ApplicationStatus,
  type ApplicationRecord,
} from './application.type.js';
import { Citizen } from './citizen.type.js';
import { Commune, Document } from './document.type.js';
import type { DocumentsLoaders } from './loaders.js';
import { readyMessage, rejectedMessage } from './notifications.js';
import { ageOn, minimumAge } from './procedures.js';
import {
  SubmitRefused,
  changeStatus,
  communeQueue,
  replayedSubmission,
  submitApplication,
} from './queries.js';
import { consultRegistry } from './registry-check.js';
import {
  APPLICATION_STATUSES,
  TRANSITIONS,
  mayMoveTo,
  rolesOf,
  type ApplicationStatusName,
} from './workflow.js';

type Ctx = Context<DocumentsLoaders>;

const PHONE = /^0[567]\d{8}$/;
const today = () => new Date().toISOString().slice(0, 10);

function actorOf(ctx: Ctx): { actor: string; actorKind: string; clientId: string } {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw forbidden('sign in first');
  return { actor: p.sub, actorKind: p.kind.toUpperCase(), clientId: p.clientId };
}

/** Unique-index races (two keys, same citizen and type) end as the same refusal as the check. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Mutation(() => SubmitApplicationPayload, {
    description:
      "An agent files an application at their commune's counter. The registry is checked (exists, alive, old enough) on the agent's behalf and the check is recorded; safe to retry with the same idempotencyKey.",
  })
  async submitApplication(
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() ctx: Ctx,
  ): Promise<SubmitApplicationPayload> {
    const p = ctx.principal;
    if (p.kind !== 'agent')
      throw forbidden('only an agent at a commune counter files applications');
    const basis = decideForGroup(p, ctx.purpose, 'APPLICATIONS');
    if (!basis.allowed) throw accessDenied(basis, 'APPLICATIONS', ctx.purpose);

    assertNin(input.nin, 'nin');
    const counter = input.counterCommuneCode ?? p.communeCode;
    assertCommuneCode(counter, 'counterCommuneCode');
    if (counter !== p.communeCode) {
      throw forbidden(
        `an agent of commune ${p.communeCode} files applications only at its own counter`,
        { field: 'counterCommuneCode' },
      );
    }
    if (!PHONE.test(input.contactPhone)) {
      throw badInput(
        ErrorCode.INVALID_PHONE,
        'contactPhone must be a mobile number: 05, 06 or 07 followed by 8 digits',
        'contactPhone',
      );
    }
    const categories = [...new Set(input.categories ?? [])].sort();
    if (input.type === 'DRIVING_LICENCE' && categories.length === 0) {
      throw badInput(
        ErrorCode.INVALID_CATEGORY,
        'a driving licence needs at least one category (A1, A, B, C1, C, D, BE, CE)',
        'categories',
      );
    }
    if (input.type !== 'DRIVING_LICENCE' && categories.length > 0) {
      throw badInput(
        ErrorCode.INVALID_CATEGORY,
        `categories apply to driving licences only, not to a ${input.type}`,
        'categories',
      );
    }

    const actor = actorOf(ctx);
    const asked = {
      nin: input.nin,
      type: input.type,
      categories,
      reason: input.reason,
      counterCommuneCode: counter,
      contactPhone: input.contactPhone,
    };
    const request = {
      clientId: actor.clientId,
      key: input.idempotencyKey,
      operation: 'submitApplication',
      input: asked,
    };
    // A retry is answered from the first result, without consulting the registry again.
    const earlier = await replayedSubmission(ctx.db, request);
    if (earlier) {
      const application = await ctx.loaders.applicationByNumber.load(earlier.number);
      return { application: application as Application, replayed: true, trackingCode: null };
    }

    const facts = await consultRegistry(ctx, input.nin);
    if (!facts)
      throw appError(
        ErrorCode.CITIZEN_NOT_FOUND,
        `no citizen with NIN ${input.nin} in the civil registry`,
        { field: 'nin' },
      );
    if (facts.deathDate) {
      throw appError(
        ErrorCode.CITIZEN_DECEASED,
        `the civil registry records this citizen as deceased (${facts.deathDate})`,
        { field: 'nin' },
      );
    }
    const needed = minimumAge(input.type, categories);
    const age = ageOn(facts.birthDate, today());
    if (age < needed) {
      throw appError(
        ErrorCode.UNDER_AGE,
        `a ${input.type}${categories.length ? ` (${categories.join(', ')})` : ''} needs an applicant aged ${needed} or more; this one is ${age}`,
        { field: 'nin' },
      );
    }

    try {
      const { number, replayed, trackingCode } = await submitApplication(
        ctx.db,
        { ...asked, applicantBirthDate: facts.birthDate },
        request,
        actor,
      );
      const application = await ctx.loaders.applicationByNumber.load(number);
      return { application: application as Application, replayed, trackingCode };
    } catch (error) {
      if (error instanceof SubmitRefused)
        throw appError(ErrorCode[error.code], error.message, { field: 'reason' });
      if (isUniqueViolation(error))
        throw appError(
          ErrorCode.DUPLICATE_APPLICATION,
          `an application for this ${input.type} is already open`,
        );
      throw error;
    }
  }

  @Mutation(() => Application, {
    description:
      'Moves an application one step (see ApplicationStatus). Name the version you read: if another agent changed it since, you get CONFLICT and nothing changes.',
  })
  async changeApplicationStatus(
    @Arg('input', () => ChangeApplicationStatusInput) input: ChangeApplicationStatusInput,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationRecord> {
    const app = await ctx.loaders.applicationByNumber.load(input.number);
    const roles = app ? rolesOf(ctx.principal, ctx.purpose, app) : [];
    if (!app || roles.length === 0) {
      throw appError(
        ErrorCode.APPLICATION_NOT_FOUND,
        `no application ${input.number.slice(0, 40)} that you may act on`,
        { field: 'number' },
      );
    }
    // A stale version is reported first: what the caller saw is no longer the case.
    if (input.expectedVersion !== app.version) {
      throw appError(
        ErrorCode.CONFLICT,
        `application ${app.number} is at version ${app.version}, not ${input.expectedVersion}: reload it and decide again`,
      );
    }
    const from = app.status as ApplicationStatusName;
    const to = input.status as ApplicationStatusName;
    if (!TRANSITIONS[from].includes(to)) {
      const next = TRANSITIONS[from];
      throw appError(
        ErrorCode.ILLEGAL_TRANSITION,
        `an application ${from} cannot become ${to}${next.length ? `; next steps: ${next.join(', ')}` : '; it is closed'}`,
        { field: 'status' },
      );
    }
    if (!mayMoveTo(roles, to))
      throw forbidden(`you may not move an application to ${to}`, { field: 'status' });
    const reason = input.reason?.trim() || null;
    if ((to === 'REJECTED' || to === 'CANCELLED') && (!reason || reason.length < 5)) {
      throw badInput(
        ErrorCode.REASON_REQUIRED,
        `say why (at least 5 characters) to make an application ${to}`,
        'reason',
      );
    }
    const actor = actorOf(ctx);
    const notification =
      to === 'READY'
        ? { kind: 'DOCUMENT_READY', recipient: app.contactPhone, message: readyMessage(app) }
        : to === 'REJECTED'
          ? {
              kind: 'APPLICATION_REJECTED',
              recipient: app.contactPhone,
              message: rejectedMessage(app, reason!),
            }
          : null;
    const changed = await changeStatus(ctx.db, {
      number: app.number,
      from: app.status,
      to: input.status,
      expectedVersion: input.expectedVersion,
      reason,
      actor: actor.actor,
      actorKind: actor.actorKind,
      notification,
    });
    if (!changed) {
      throw appError(
        ErrorCode.CONFLICT,
        `application ${app.number} was changed by someone else just now: reload it and decide again`,
      );
    }
    ctx.loaders.applicationByNumber.clear(app.number);
    return (await ctx.loaders.applicationByNumber.load(app.number))!;
  }

  @Query(() => Application, {
    nullable: true,
    description: 'One application by number, for those who may see it.',
  })
  async application(@Arg('number', () => String) number: string, @Ctx() ctx: Ctx) {
    const app = await ctx.loaders.applicationByNumber.load(number);
    // Someone else's application looks exactly like a missing one.
    return visibleOrNull(ctx, app, applicationScope);
  }

  @Query(() => ApplicationConnection, {
    description: "The queue of the agent's commune counter, oldest first.",
  })
  async applicationQueue(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Ctx,
  ) {
    const p = ctx.principal;
    if (p.kind !== 'agent') throw forbidden('the queue is for agents of a commune');
    const page = readPage(args, {
      list: 'Query.applicationQueue',
      scope: { communeCode: p.communeCode, filter },
    });
    const rows = await communeQueue(ctx.db, p.communeCode, filter ?? {}, page);
    for (const row of rows) ctx.loaders.applicationByNumber.prime(row.number, row);
    return visibleConnection(
      ctx,
      toConnection(rows, page, (r) => r.number),
      applicationScope,
    );
  }

  @FieldResolver(() => Citizen, { description: 'The applicant.' })
  applicant(@Root() app: ApplicationRecord, @Ctx() ctx: Ctx): Citizen {
    // The shield let this application through, so whoever applied is within reach.
    grantReach(ctx, app.nin);
    return { nin: app.nin };
  }

  @FieldResolver(() => Commune, { description: 'The commune whose counter took the application.' })
  counterCommune(@Root() app: ApplicationRecord): Commune {
    return { code: app.counterCommuneCode };
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description: 'The document produced, once delivered.',
  })
  async document(@Root() app: ApplicationRecord, @Ctx() ctx: Ctx) {
    if (!app.documentNumber) return null;
    const doc = await ctx.loaders.documentByNumber.load(app.documentNumber);
    return visibleOrNull(ctx, doc, documentScope);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document this one replaces.' })
  async previousDocument(@Root() app: ApplicationRecord, @Ctx() ctx: Ctx) {
    if (!app.previousDocumentNumber) return null;
    const doc = await ctx.loaders.documentByNumber.load(app.previousDocumentNumber);
    return visibleOrNull(ctx, doc, documentScope);
  }

  // A plain list: the workflow has no cycle, so an application has one event per status
  // at most (test/pagination.test.ts checks the workflow against this bound).
  @Directive(`@listSize(assumedSize: ${APPLICATION_STATUSES.length})`)
  @FieldResolver(() => [ApplicationEvent], {
    description:
      'Every step so far: who, when, why. A plain list: one event per status at most, the workflow has no cycle.',
  })
  async history(@Root() app: ApplicationRecord, @Ctx() ctx: Ctx) {
    const events = await ctx.loaders.eventsByApplication.load(app.number);
    return events.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  }

  @FieldResolver(() => String)
  submittedAt(@Root() app: ApplicationRecord): string {
    return new Date(app.submittedAt).toISOString();
  }

  @FieldResolver(() => String)
  updatedAt(@Root() app: ApplicationRecord): string {
    return new Date(app.updatedAt).toISOString();
  }
}

export { ApplicationStatus };
