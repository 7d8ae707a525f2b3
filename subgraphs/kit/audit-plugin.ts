import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Db } from '../../db/client.js';
import type { ConsultationsTable } from '../../db/tables/consultations.js';
import { policyOf } from '../../schema/access-decision.js';
import { QUOTA_WINDOW_SECONDS } from '../../schema/access-policy.js';
import type { Principal } from '../../schema/principal.js';
import { clientIdOf, ConsultationWriter } from './audit.js';
import { NinQuota } from './quota.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import type { AuditMetrics } from './metrics.js';

function quotaFor(principal: Principal, override?: { limit?: number; windowSeconds?: number }) {
  const policy = policyOf(principal);
  if (!policy) return null; // citizens read only themselves
  return {
    limit: override?.limit ?? policy.distinctNinsPerWindow,
    windowSeconds: override?.windowSeconds ?? QUOTA_WINDOW_SECONDS,
  };
}

/**
 * Every NIN consultation is recorded before the response leaves this subgraph. When the
 * record cannot be written the data does not leave (fail closed); over the quota, the
 * refusal is recorded and the data does not leave either.
 */
export function auditPlugin(
  db: Db,
  table: ConsultationsTable,
  log: Logger,
  quotaOverride?: { limit?: number; windowSeconds?: number },
  metrics?: AuditMetrics,
  writer = new ConsultationWriter(db, table, { onAppend: (rows) => metrics?.appended(rows) }),
): ApolloServerPlugin<Context> {
  // One writer per subgraph process: concurrent requests share its transactions, and a
  // batch waits briefly for the requests under way (ConsultationWriter.expect).
  const quotas = new NinQuota(db);
  type Sending = Parameters<NonNullable<GraphQLRequestListener<Context>['willSendResponse']>>[0];

  /** Counts the response's NINs against the quota and records them; over the quota, or when
   * the record fails, the response becomes the refusal. `arrived`: what expect() gave. */
  async function audit({ contextValue, response }: Sending, arrived: () => void) {
    const recorder = contextValue?.consultations;
    if (!recorder || recorder.size === 0 || response.body.kind !== 'single') return;
    const refuse = (code: string, message: string) => {
      response.body = {
        kind: 'single',
        singleResult: { errors: [{ message, extensions: { code } }] },
      };
    };
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const reads = recorder.entries();
      const principal = contextValue.principal;
      const quota = quotaFor(principal, quotaOverride);
      // The quota is the client's across the graph; counted before the log is written,
      // so that a refusal is recorded as one.
      const { refused } = quota
        ? await quotas.consume(
            clientIdOf(principal),
            reads.map((r) => r.nin),
            quota,
          )
        : { refused: false };
      await writer.write(
        { principal, requestId: contextValue.requestId },
        reads,
        refused ? 'REFUSED_QUOTA' : 'ALLOWED',
        arrived,
      );
      metrics?.observe(seconds(), false);
      if (refused) {
        contextValue.log.warn({ nins: recorder.size }, 'NIN quota exceeded');
        refuse(
          ErrorCode.QUOTA_EXCEEDED,
          'this client has resolved more distinct NINs than its quota allows in the current window; the request was refused and recorded',
        );
      }
    } catch (err) {
      metrics?.observe(seconds(), true);
      log.error(
        { err, rid: contextValue.requestId },
        'consultation audit could not be written: response withheld',
      );
      refuse(
        ErrorCode.AUDIT_UNAVAILABLE,
        'the consultation could not be recorded, so no data is returned; try again later',
      );
    }
  }

  return {
    async requestDidStart() {
      const arrived = writer.expect();
      return {
        async willSendResponse(requestContext) {
          try {
            await audit(requestContext, arrived);
          } finally {
            arrived();
          }
        },
      };
    },
  };
}
