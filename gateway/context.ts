import type { Principal } from '../schema/principal.js';

export interface GatewayContext {
  principal: Principal;
  purpose: string | null;
  requestId: string;
}
