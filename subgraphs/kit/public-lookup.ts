import { isIP } from 'node:net';
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

/**
 * What an address is counted under: an IPv4 address as it is, an IPv6 one by its /64
 * network, since one subscriber line commonly holds a whole /64 and could otherwise
 * change address at every attempt.
 */
export function rateKeyOfAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

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
    {
      scope: 'PER_ADDRESS',
      key: `${lookup}:address:${rateKeyOfAddress(addressOf(ctx))}`,
      rule: rules.perAddress,
    },
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

/**
 * One public lookup from end to end: admitted under the limits, looked up, and logged with
 * its outcome. `mismatch` says why what was found does not answer the caller (a wrong
 * second factor), or null when it does; the caller then gets null whatever the reason.
 */
export async function publicLookup<T>(
  ctx: Context,
  store: PublicLookupStore,
  spec: { lookup: string; subject: string; rules: PublicLookupRules },
  find: () => Promise<T | null>,
  mismatch: (found: T | null) => string | null = (found) => (found ? null : 'UNKNOWN'),
): Promise<T | null> {
  await admitPublicLookup(ctx, store, spec.lookup, spec.subject, spec.rules);
  const found = await find();
  const miss = mismatch(found);
  await recordPublicLookup(ctx, store, {
    lookup: spec.lookup,
    subject: spec.subject,
    outcome: miss ? 'NOT_FOUND' : 'FOUND',
    detail: miss,
  });
  return miss ? null : found;
}
