import { sql } from 'drizzle-orm';
import type { TestGraph } from './graph.js';
import { rows } from './sql.js';

export const COUNTER = 'COUNTER_SERVICE';
export const REJECT = /* GraphQL */ `
  mutation Reject($input: ChangeApplicationStatusInput!) {
    changeApplicationStatus(input: $input) {
      number
      status
      version
      rejectionReason
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
        number
        version
      }
    }
  }
`;

/** The agent token every helper below acts with: a counter of commune 1601. */
export const counterAgent = (graph: TestGraph) =>
  graph.token({ kind: 'agent', commune: '1601', agentId: 'agent-1601-001' });

/**
 * `n` applications filed and taken UNDER_REVIEW through the graph (its real mutations), ready
 * for a transition that queues an SMS (REJECTED): what a counter's day is made of.
 */
export async function applicationsUnderReview(
  graph: TestGraph,
  n: number,
): Promise<{ number: string; version: number }[]> {
  const agent = await counterAgent(graph);
  const people = await rows<{ nin: string; type: string }>(
    graph.database.db,
    sql`select c.nin, t.type from citizens.citizens c
          cross join (values ('PASSPORT'), ('NATIONAL_ID_CARD')) as t(type)
         where c.death_date is null and c.birth_date < '2000-01-01'
           and not exists (select 1 from documents.documents d where d.holder_nin = c.nin and d.type = t.type)
           and not exists (select 1 from documents.applications a where a.nin = c.nin and a.type = t.type)
         order by c.nin, t.type limit ${n}`,
  );
  if (people.length < n) throw new Error(`only ${people.length} applicants for ${n} applications`);
  const out: { number: string; version: number }[] = [];
  for (let i = 0; i < people.length; i += 8) {
    const chunk = people.slice(i, i + 8);
    const filed = await Promise.all(
      chunk.map(async (p, j) => {
        const res = await graph.query(
          SUBMIT,
          {
            input: {
              nin: p.nin,
              type: p.type,
              reason: 'FIRST',
              contactPhone: `066${String(i + j).padStart(7, '0')}`,
              idempotencyKey: `prep-${Date.now()}-${i + j}`,
            },
          },
          { token: agent, purpose: COUNTER },
        );
        if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
        const number = res.body.data.submitApplication.application.number as string;
        const review = await graph.query(
          REJECT,
          { input: { number, status: 'UNDER_REVIEW', expectedVersion: 1 } },
          { token: agent, purpose: COUNTER },
        );
        if (review.body.errors) throw new Error(JSON.stringify(review.body.errors));
        return { number, version: review.body.data.changeApplicationStatus.version as number };
      }),
    );
    out.push(...filed);
  }
  return out;
}

/** The variables of the REJECTED transition of one prepared application (queues one SMS). */
export const rejection = (app: { number: string; version: number }) => ({
  input: {
    number: app.number,
    status: 'REJECTED',
    expectedVersion: app.version,
    reason: 'photograph does not meet the standard',
  },
});
