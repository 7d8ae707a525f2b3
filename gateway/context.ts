import type { Principal } from '../schema/principal.js';

export interface GatewayContext {
  principal: Principal;
  purpose: string | null;
  /** The platform's id for this request, made by the HTTP front. */
  requestId: string;
  /** Key values named in the operation's arguments, set once the operation is resolved. */
  named?: string[];
  /** The caller's own X-Request-Id / X-Correlation-Id, validated; never replaces requestId. */
  correlationId: string | null;
  /** The caller's network address (see client-address.ts); relayed to subgraphs in the internal token. */
  clientAddress?: string | null;
}
