import type { PublicLookupsTable, RateLimitTable } from '../../db/tables/public-lookups.js';
import { principalLabel } from '../../schema/principal.js';
import type { Context } from './context.js';
import { ErrorCode, appError } from './errors.js';
import { consumeRate, type RateRule } from './rate-limit.js';

/** Where a subgraph keeps its public lookups' counters and log (its own schema). */
export interface PublicLookupStore {
  limits: RateLimitTable;
  log: PublicLookupsTable;
}

/**
 * Limits of one public lookup for anonymous callers: per client address (a script walking
 * through numbers) and per subject (one number hammered from many addresses).
 */
export interface PublicLookupRules {
  perAddress: RateRule;
  perSubject: RateRule;
}

export type LookupOutcome = 'FOUND' | 'NOT_FOUND' | 'RATE_LIMITED';

const addressOf = (ctx: Context) => ctx.clientAddress ?? 'unknown';

/** Appends one row to the lookup log; nothing secret the caller typed is kept. */
export async function recordPublicLookup(
  ctx: Context,
  store: PublicLookupStore,
  entry: { lookup: string; subject: string; outcome: LookupOutcome; detail?: string | null },
): Promise<void> {
  await ctx.db.insert(store.log).values({
    requestId: ctx.requestId,
    lookup: entry.lookup,
    subject: entry.subject.slice(0, 64),
    clientAddress: addressOf(ctx),
    caller: principalLabel(ctx.principal),
    outcome: entry.outcome,
    detail: entry.detail ?? null,
  });
}

/**
 * Counts this attempt of an anonymous caller against its address, then against the
 * subject; over either limit the refusal is logged and RATE_LIMITED is thrown, with the
 * seconds to wait in `extensions.retryAfterSeconds`. Signed-in callers are not limited
 * here: their token names them, and their NIN reads have quotas of their own.
 */
export async function admitPublicLookup(
  ctx: Context,
  store: PublicLookupStore,
  lookup: string,
  subject: string,
  rules: PublicLookupRules,
): Promise<void> {
  if (ctx.principal.kind !== 'anonymous') return;
  const checks = [
    { scope: 'PER_ADDRESS', key: `${lookup}:address:${addressOf(ctx)}`, rule: rules.perAddress },
    { scope: 'PER_SUBJECT', key: `${lookup}:subject:${subject}`, rule: rules.perSubject },
  ] as const;
  for (const check of checks) {
    const decision = await consumeRate(ctx.db, store.limits, check.key, check.rule);
    if (decision.allowed) continue;
    await recordPublicLookup(ctx, store, {
      lookup,
      subject,
      outcome: 'RATE_LIMITED',
      detail: check.scope,
    });
    ctx.log.warn({ lookup, scope: check.scope, address: addressOf(ctx) }, 'public lookup limited');
    const who = check.scope === 'PER_ADDRESS' ? 'from this address' : `of ${subject}`;
    throw appError(
      ErrorCode.RATE_LIMITED,
      `too many ${lookup} lookups ${who}; try again in ${decision.retryAfterSeconds} s`,
      { retryAfterSeconds: decision.retryAfterSeconds, limit: check.scope },
    );
  }
}
