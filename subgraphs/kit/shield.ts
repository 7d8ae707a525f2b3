import { GraphQLError } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

export type { IRules };

export const FORBIDDEN_ERROR = new GraphQLError('you are not allowed to read this field', {
  extensions: { code: ErrorCode.FORBIDDEN },
});

/** The caller is someone: a ministry, an agent or a citizen, not anonymous. */
export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: Context) => ctx.principal.kind !== 'anonymous',
);
export const isMinistry = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: Context) => ctx.principal.kind === 'ministry',
);
export const isAgent = rule({ cache: 'contextual' })(
  (_parent, _args, ctx: Context) => ctx.principal.kind === 'agent',
);

/**
 * Deny by default: every field needs a rule of its own or of its type. The federation
 * plumbing is allowed here; `_entities` is reachable only with a gateway token (checked
 * before any resolver runs), and each reference resolver applies the policy itself.
 */
export function buildShield(rules: IRules) {
  const map = rules as Record<string, Record<string, unknown>>;
  return shield(
    {
      ...map,
      Query: { ...(map.Query ?? {}), _service: allow, _entities: allow },
      _Service: { sdl: allow },
    } as IRules,
    { fallbackRule: deny, fallbackError: FORBIDDEN_ERROR, allowExternalErrors: true, debug: false },
  );
}
