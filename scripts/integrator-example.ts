/**
 * What an e-education integrator does in a day, against a running graph (`npm start`):
 * enrol pupils in bulk (and retry safely), read the change feed from a saved cursor, and
 * export the roster as OneRoster CSV files.
 *
 *   TOKEN=$(npm run -s token -- --integrator acme-school --schools 160101) \
 *     npm run -s example:integrator -- 160101 2026-2027 <NIN> <NIN> …
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const token = process.env.TOKEN;
const [schoolCode, year, ...nins] = process.argv.slice(2);
if (!token || !schoolCode || !year || nins.length === 0) {
  process.stderr.write('usage: TOKEN=… npm run -s example:integrator -- SCHOOL YEAR NIN…\n');
  process.exit(2);
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(GATEWAY, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-purpose': 'SCHOOL_ENROLMENT',
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const e = body.errors[0]!;
    throw new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  }
  return body.data!;
}

// 1. Bulk enrolment: one key per batch, kept until the answer is stored on your side.
const key = randomUUID();
const ENROL = `mutation($input: EnrolPupilsInput!, $key: String!) {
  enrolPupils(input: $input, idempotencyKey: $key) {
    replayed enrolled refused results { index nin outcome code message }
  }
}`;
const input = {
  schoolCode,
  year,
  pupils: nins.map((nin) => ({ nin, grade: '1AP', section: 'A' })),
};
type Enrolled = {
  enrolPupils: { replayed: boolean; enrolled: number; refused: number; results: unknown[] };
};
const first = await graphql<Enrolled>(ENROL, { input, key });
console.log('enrolled', first.enrolPupils.enrolled, 'refused', first.enrolPupils.refused);
for (const r of first.enrolPupils.results) console.log(' ', r);
// A retry (a timeout, a crash before you stored the answer) with the same key changes nothing.
const retry = await graphql<Enrolled>(ENROL, { input, key });
console.log('retry replayed:', retry.enrolPupils.replayed);

// 2. The change feed: start without a cursor, keep endCursor, come back with it.
const FEED = `query($after: String) { enrolmentChanges(first: 100, after: $after) {
  nodes { seq kind school { code } enrolment { id grade section status } }
  pageInfo { hasNextPage endCursor }
} }`;
type Feed = {
  enrolmentChanges: {
    nodes: unknown[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
let after: string | null = null;
let changes = 0;
for (;;) {
  const page: Feed = await graphql<Feed>(FEED, { after });
  changes += page.enrolmentChanges.nodes.length;
  after = page.enrolmentChanges.pageInfo.endCursor ?? after;
  if (!page.enrolmentChanges.pageInfo.hasNextPage) break;
}
console.log('changes read:', changes, 'save this cursor for next time:', after);

// 3. The roster as OneRoster 1.2 CSV files, ready to zip and import.
const roster = await graphql<{ schoolRoster: { files: { name: string; content: string }[] } }>(
  `
    query ($s: String!, $y: String!) {
      schoolRoster(schoolCode: $s, year: $y) {
        files {
          name
          content
        }
      }
    }
  `,
  { s: schoolCode, y: year },
);
const dir = `oneroster-${schoolCode}-${year}`;
mkdirSync(dir, { recursive: true });
for (const f of roster.schoolRoster.files) writeFileSync(`${dir}/${f.name}`, f.content);
console.log(`OneRoster files written to ${dir}/`);
