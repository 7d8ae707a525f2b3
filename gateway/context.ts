import type { Principal } from '../schema/principal.js';

export interface GatewayContext {
  principal: Principal;
  purpose: string | null;
  requestId: string;
  /** The caller's network address (see client-address.ts); relayed to subgraphs in the internal token. */
  clientAddress?: string | null;
}
