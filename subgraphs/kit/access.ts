import {
  GraphQLError,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { rule } from 'graphql-shield';
import type { Purpose } from '../../schema/access-policy.js';
import {
  decide,
  decideCommuneRecord,
  decideForGroup,
  maySeeRecord,
  policyOf,
  type Decision,
  type RecordScope,
} from '../../schema/access-decision.js';
import type { FieldGroup } from '../../schema/access-policy.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';
import type { Connection } from './pagination.js';

/** A FORBIDDEN error that names the group, and the purpose stated, so the caller knows what to fix. */
export function accessDenied(
  decision: Extract<Decision, { allowed: false }>,
  group: FieldGroup,
  purpose: string | null,
) {
  return new GraphQLError(decision.message, {
    extensions: { code: ErrorCode.FORBIDDEN, reason: decision.reason, group, purpose },
  });
}

/** How a subgraph describes one of its records to the access decision. */
export type ScopeOf<P> = (parent: P, ctx: Context) => RecordScope;

/** Whether the caller named any of these keys as an argument of the operation. */
export function isNamed(ctx: Context, ...keys: (string | null | undefined)[]): boolean {
  return keys.some((k) => k != null && ctx.reach.has(k));
}

/**
 * A rule's answer per request and parent record, so that a record's fields of one group
 * are decided (and its consultation recorded) once. graphql-shield's own `strict` cache
 * does this by hashing the parent and arguments for every field read, which was a third
 * of a registry request's CPU on lists; a record's identity is enough here, since these
 * rules read only the parent and the context.
 */
function perParent<P>(
  decideFor: (parent: P, ctx: Context) => true | GraphQLError,
): (parent: P, args: unknown, ctx: Context) => true | GraphQLError {
  const answers = new WeakMap<Context, WeakMap<object, true | GraphQLError>>();
  return (parent, _args, ctx) => {
    if (typeof parent !== 'object' || parent === null) return decideFor(parent, ctx);
    let mine = answers.get(ctx);
    if (!mine) answers.set(ctx, (mine = new WeakMap()));
    let answer = mine.get(parent);
    if (answer === undefined) mine.set(parent, (answer = decideFor(parent, ctx)));
    return answer;
  };
}

/**
 * The shield rule for one field group of a NIN-linked type. It reads the parent (whose
 * record), so it is decided per parent (perParent), never per request. Each allowed read
 * is recorded for the audit.
 */
export function canReadGroup<P>(group: FieldGroup, scopeOf: ScopeOf<P>, typeName: string) {
  // Rule names must be unique per shield: one rule per (type, group).
  return rule(`read-${typeName}-${group}`, { cache: 'no_cache' })(
    perParent((parent: P, ctx: Context) => {
      const record = scopeOf(parent, ctx);
      const decision = decide(ctx.principal, ctx.purpose, group, record);
      if (!decision.allowed) return accessDenied(decision, group, ctx.purpose);
      // A record with no person behind it (a company tenant, another administration) is no
      // consultation of anyone's data: there is no NIN to log.
      if (record.nin) ctx.consultations.record(record.nin, group, decision.purpose);
      return true;
    }),
  );
}

/**
 * The shield rule for a type whose records name no person (an inspection, a sample): read
 * under one of `purposes`, within the caller's commune for an agent (decideCommuneRecord).
 * Nothing to log: no NIN is read.
 */
export function canReadCommuneRecord<P>(
  name: string,
  purposes: readonly Purpose[],
  communeOf: (parent: P) => string,
) {
  return rule(`read-commune-record-${name}`, { cache: 'no_cache' })(
    perParent((parent: P, ctx: Context) => {
      const decision = decideCommuneRecord(ctx.principal, ctx.purpose, purposes, communeOf(parent));
      return decision.allowed ? true : communeRecordDenied(decision);
    }),
  );
}

/** FORBIDDEN for a record that names no person, with the reason of the decision. */
export function communeRecordDenied(decision: Extract<Decision, { allowed: false }>) {
  return new GraphQLError(decision.message, {
    extensions: { code: ErrorCode.FORBIDDEN, reason: decision.reason },
  });
}

/** Rules for every field of a type, from the field → group map of that type. */
export function rulesFromGroups<P>(
  typeName: string,
  fieldGroups: Record<string, FieldGroup>,
  scopeOf: ScopeOf<P>,
) {
  const rules = new Map<FieldGroup, ReturnType<typeof canReadGroup<P>>>();
  return Object.fromEntries(
    Object.entries(fieldGroups).map(([field, group]) => {
      if (!rules.has(group)) rules.set(group, canReadGroup<P>(group, scopeOf, typeName));
      return [field, rules.get(group)!];
    }),
  );
}

/** The scope of a person known by NIN: named when the caller gave that NIN. */
export function personScope(ref: { nin: string }, ctx: Context): RecordScope {
  return { nin: ref.nin, named: ctx.reach.has(ref.nin), delegated: ctx.reach.delegated };
}

/**
 * A person reached through a record within the caller's reach (the applicant of an
 * application taken at the agent's own counter) is within reach too, in every subgraph
 * this request goes on to. Only principals of bounded reach (a commune, some schools) need it.
 */
export function grantReach(ctx: Context, nin: string): void {
  const reach = policyOf(ctx.principal)?.reach;
  if (reach && reach !== 'NATIONAL') ctx.reach.grant(nin);
}

/** The record, or null when the caller may not see it: "may not see" looks like "does not exist". */
export function visibleOrNull<P>(
  ctx: Context,
  row: P | null | undefined,
  scopeOf: ScopeOf<P>,
  group: FieldGroup = 'IDENTITY',
) {
  return row && maySeeRecord(ctx.principal, ctx.purpose, scopeOf(row, ctx), group) ? row : null;
}

/**
 * A page with the items the caller may not see left out, as if absent. The cursors and
 * hasNextPage stay those of the unfiltered page, so paging on never skips or repeats.
 */
export function visibleConnection<P>(
  ctx: Context,
  connection: Connection<P>,
  scopeOf: ScopeOf<P>,
  group: FieldGroup = 'IDENTITY',
): Connection<P> {
  return connectionOf(connection, (row) =>
    maySeeRecord(ctx.principal, ctx.purpose, scopeOf(row, ctx), group),
  );
}

/**
 * A page with the items `sees` refuses left out, as if absent, for records whose visibility
 * is no person's (an establishment: its commune's office, or its operator). Cursors and
 * hasNextPage stay those of the unfiltered page, as in visibleConnection.
 */
export function connectionOf<P>(connection: Connection<P>, sees: (row: P) => boolean) {
  return {
    ...connection,
    nodes: connection.nodes.filter(sees),
    edges: connection.edges.filter((e) => sees(e.node)),
  };
}

/** The rows of a list that the caller may see; the others are left out, as if absent. */
export function visibleRows<P>(ctx: Context, rows: readonly P[], scopeOf: ScopeOf<P>): P[] {
  return rows.filter((row) => maySeeRecord(ctx.principal, ctx.purpose, scopeOf(row, ctx)));
}

/** Names of the fields selected on the object a resolver returns, through fragments. */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, rest: string[]) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(sel.name.value);
        else if (sel.name.value === rest[0]) walk(sel.selectionSet, rest.slice(1));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, rest);
      else if (sel.kind === Kind.FRAGMENT_SPREAD)
        walk(info.fragments[sel.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes as FieldNode[]) walk(node.selectionSet, path);
  return names;
}

/**
 * For ministries and agents, whose rights do not depend on whose record it is: refuse
 * up front when a requested field is outside what the stated purpose allows. The answer
 * is then the same whether the NIN exists or not, so a refusal reveals nothing.
 */
export function assertGroupsAllowed(
  ctx: Context,
  fieldGroups: Record<string, FieldGroup>,
  fields: Set<string>,
): void {
  if (ctx.principal.kind === 'anonymous' || ctx.principal.kind === 'citizen') return;
  for (const field of fields) {
    const group = fieldGroups[field];
    if (!group) continue;
    const decision = decideForGroup(ctx.principal, ctx.purpose, group);
    if (!decision.allowed) throw accessDenied(decision, group, ctx.purpose);
  }
}

/** The fields selected on the items of a connection, through `nodes` or `edges.node`. */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
}
