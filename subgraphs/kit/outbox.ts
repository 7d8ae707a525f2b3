import type { Tx } from '../../db/client.js';
import type { OutboxTable } from '../../db/tables/outbox.js';

export interface Notification {
  /** What kind of message, for operators (READY, REJECTED, FORMAL_NOTICE…). */
  kind: string;
  /** What it is about: an application, a lease, a request number. */
  reference: string;
  /** A mobile number. */
  recipient: string;
  message: string;
}

/** Queues a notification in the caller's transaction: it is sent only if the change commits. */
export async function enqueue(tx: Tx, table: OutboxTable, notification: Notification) {
  const now = new Date().toISOString();
  await tx.insert(table).values({ ...notification, nextAttemptAt: now, createdAt: now });
}
