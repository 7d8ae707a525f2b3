import type { Principal } from '../schema/principal.js';

export interface GatewayContext {
  principal: Principal;
  purpose: string | null;
  requestId: string;
  /** Key values named in the operation's arguments, set once the operation is resolved. */
  named?: string[];
}
