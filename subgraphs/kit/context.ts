import type { Principal } from '../../schema/principal.js';
import type { Db } from '../../db/client.js';
import type { ConsultationRecorder } from './audit.js';
import type { Logger } from './logger.js';
import type { PeerClient } from './peers.js';
import type { Reach } from './reach.js';

/** What every resolver receives; built fresh for each request. */
export interface Context<Loaders = unknown> {
  principal: Principal;
  /** The purpose the caller declared (X-Purpose), relayed by the gateway. */
  purpose: string | null;
  /** The platform's request id (made by the gateway): logs, audit rows, peer calls. */
  requestId: string;
  /**
   * Keys the caller named or was granted in this request: a record named this way was
   * looked up, not reached through a list or a link (see RecordScope.named).
   */
  reach: Reach;
  /** The caller's own X-Request-Id / X-Correlation-Id, validated; for their tracing only. */
  correlationId: string | null;
  /** The caller's network address as the gateway saw it (for public lookups' limits); null if not sent. */
  clientAddress: string | null;
  db: Db;
  loaders: Loaders;
  log: Logger;
  /** NIN reads the policy let through in this request, written to the audit before the response leaves. */
  consultations: ConsultationRecorder;
  /** Other subgraphs this one may call for the caller (see schema/delegations.ts). */
  peers: PeerClient;
}
