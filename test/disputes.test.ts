import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from './support/graph.js';
import {
  ISSUE_NOTICE,
  RECORD_PAYMENT,
  REGISTER_ASSET,
  SIGN_LEASE,
  assetInput,
  codeOf,
  freshKey,
  isoToday,
  livingAdults,
  monthStart,
} from './support/patrimony.js';
import { countRows } from './support/sql.js';

let graph: TestGraph;
let patrimony: string;
let legal: string;
let tenant: string;
const LIT = 'COMMUNE_LITIGATION';

beforeAll(async () => {
  graph = await startTestGraph({ citizens: 300 });
  patrimony = await graph.token({ kind: 'agent', commune: '1601', service: 'PATRIMONY' });
  legal = await graph.token({ kind: 'agent', commune: '1601', service: 'LEGAL_AFFAIRS' });
  tenant = (await livingAdults(graph, 1, 20))[0]!.nin;
});
afterAll(() => graph?.stop());

const asPatrimony = (q: string, v: Record<string, unknown>) =>
  graph.query(q, v, { token: patrimony, purpose: 'PATRIMONY_MANAGEMENT' });
const asLegal = (q: string, v: Record<string, unknown>) =>
  graph.query(q, v, { token: legal, purpose: LIT });

/** A lease in arrears with this month's notice, whose deadline has passed. */
async function unansweredNotice() {
  const asset = await asPatrimony(REGISTER_ASSET, { input: assetInput('COMMERCIAL_PREMISES') });
  const lease = await asPatrimony(SIGN_LEASE, {
    input: {
      inventoryNumber: asset.body.data.registerAsset.inventoryNumber,
      tenantNin: tenant,
      tenantPhone: '0770000001',
      startDate: monthStart(4),
      endDate: `${Number(isoToday().slice(0, 4)) + 3}-12-31`,
      monthlyRent: '20000',
      idempotencyKey: freshKey(),
    },
  });
  const number = lease.body.data.signLease.number as string;
  const notice = await asPatrimony(ISSUE_NOTICE, { lease: number });
  expect(notice.body.errors).toBeUndefined();
  return { lease: number, notice: notice.body.data.issueFormalNotice.notice.number as string };
}

/** Time passes: the notice's deadline is now behind us (the only thing a test cannot wait for). */
const pastDeadline = (notice: string) =>
  graph.database.db.execute(
    sql`update patrimony.formal_notices set issued_on = issued_on - 40, deadline = deadline - 40 where number = ${notice}`,
  );

const FROM_NOTICE = /* GraphQL */ `
  mutation ($input: OpenCaseFromNoticeInput!) {
    openCaseFromNotice(input: $input) {
      number
      status
      subject
      level
      amountClaimed {
        dzd
      }
      opposingParty {
        nin
      }
      lease {
        number
      }
      noticeNumber
    }
  }
`;
const HEARING = `mutation ($input: RecordHearingInput!) { recordHearing(input: $input) { number status hearings { date outcome } } }`;
const JUDGMENT = `mutation ($input: RecordJudgmentInput!) { recordJudgment(input: $input) { status decision judgmentDate appealDeadline amountAwarded { dzd } } }`;
const MOVE = `mutation ($input: MoveCaseInput!) { moveCase(input: $input) { status level appealDeadline history { fromStatus toStatus level } } }`;
const fromNotice = (notice: string) =>
  asLegal(FROM_NOTICE, {
    input: {
      noticeNumber: notice,
      court: "Tribunal administratif d'Alger",
      lawyer: 'Me Benali',
      idempotencyKey: freshKey(),
    },
  });

describe('the whole story: from a lease in arrears to the appeal deadline', () => {
  it('notice → case opened from it → hearing → judgment → appeal deadline; the lease shows its case', async () => {
    const { lease, notice } = await unansweredNotice();
    // Before the deadline, the tenant still has time.
    expect(codeOf(await fromNotice(notice))).toBe('NOTICE_DEADLINE_NOT_PASSED');
    await pastDeadline(notice);
    const opened = await fromNotice(notice);
    expect(opened.body.errors).toBeUndefined();
    const c = opened.body.data.openCaseFromNotice;
    expect(c).toMatchObject({
      status: 'OPEN',
      subject: 'LEASE_ARREARS',
      level: 'FIRST_INSTANCE',
      amountClaimed: { dzd: '100000.00' }, // five months of 20 000 DZD unpaid
      opposingParty: { nin: tenant },
      lease: { number: lease },
      noticeNumber: notice,
    });
    expect(codeOf(await fromNotice(notice))).toBe('CASE_ALREADY_OPEN');

    // The lease, in the patrimony, shows the case from the disputes subgraph.
    const view = await asLegal(
      `query ($n: String!) { lease(number: $n) { number arrears { amount { dzd } } notices { number answered } cases { number status } } }`,
      { n: lease },
    );
    expect(view.body.errors).toBeUndefined();
    expect(view.body.data.lease.cases).toEqual([{ number: c.number, status: 'OPEN' }]);
    expect(view.body.data.lease.notices).toEqual([{ number: notice, answered: false }]);

    // No judgment before a hearing.
    const early = await asLegal(JUDGMENT, {
      input: { number: c.number, date: isoToday(), decision: 'WON' },
    });
    expect(codeOf(early)).toBe('CASE_NOT_HEARD');
    const heard = await asLegal(HEARING, {
      input: { number: c.number, date: isoToday(), outcome: 'Plaidoiries' },
    });
    expect(heard.body.errors).toBeUndefined();
    expect(heard.body.data.recordHearing.hearings).toEqual([
      { date: isoToday(), outcome: 'Plaidoiries' },
    ]);
    const judged = await asLegal(JUDGMENT, {
      input: { number: c.number, date: isoToday(), decision: 'WON', amountAwarded: '100000' },
    });
    expect(judged.body.errors).toBeUndefined();
    const in30 = new Date(Date.parse(isoToday()) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(judged.body.data.recordJudgment).toEqual({
      status: 'JUDGED',
      decision: 'WON',
      judgmentDate: isoToday(),
      appealDeadline: in30,
      amountAwarded: { dzd: '100000.00' },
    });

    const figures = await graph.query(
      `{ disputesFigures(communeCode: "1601", days: 30) { won lost wonLostRatio appealDeadlinesSoon { number appealDeadline } } }`,
      {},
      { token: legal, purpose: LIT },
    );
    expect(figures.body.errors).toBeUndefined();
    expect(figures.body.data.disputesFigures.appealDeadlinesSoon).toContainEqual({
      number: c.number,
      appealDeadline: in30,
    });
    expect(figures.body.data.disputesFigures.won).toBeGreaterThanOrEqual(1);

    // The tenant appeals: the case moves up a level; every step is kept.
    const appealed = await asLegal(MOVE, { input: { number: c.number, to: 'APPEALED' } });
    expect(appealed.body.errors).toBeUndefined();
    expect(appealed.body.data.moveCase).toMatchObject({
      status: 'APPEALED',
      level: 'APPEAL',
      appealDeadline: null,
    });
    expect(appealed.body.data.moveCase.history).toEqual([
      { fromStatus: null, toStatus: 'OPEN', level: 'FIRST_INSTANCE' },
      { fromStatus: 'OPEN', toStatus: 'JUDGED', level: 'FIRST_INSTANCE' },
      { fromStatus: 'JUDGED', toStatus: 'APPEALED', level: 'APPEAL' },
    ]);
    // The appeal court has not heard it yet.
    expect(
      codeOf(
        await asLegal(JUDGMENT, { input: { number: c.number, date: isoToday(), decision: 'WON' } }),
      ),
    ).toBe('CASE_NOT_HEARD');

    // Justice reads the case for its proceedings, not the lease behind it.
    const justice = await graph.token({ kind: 'ministry', ministry: 'JUSTICE' });
    const seen = await graph.query(
      `query ($n: String!) { case(number: $n) { number status court amountClaimed { dzd } opposingParty { nin familyNameLat } } }`,
      { n: c.number },
      { token: justice, purpose: 'JUDICIAL_PROCEEDINGS' },
    );
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data.case).toMatchObject({
      number: c.number,
      status: 'APPEALED',
      opposingParty: { nin: tenant },
    });
    const consulted = await countRows(
      graph.database.db,
      `disputes.consultations where nin = '${tenant}' and ministry = 'JUSTICE'`,
    );
    expect(consulted).toBe(1);
  });
});

describe('cases: scope, purposes and bad input', () => {
  it('illegal moves, unanswered-notice rules and other communes are refused, and nothing is written', async () => {
    const { notice } = await unansweredNotice();
    const paid = await unansweredNotice();
    await pastDeadline(paid.notice);
    await asPatrimony(RECORD_PAYMENT, {
      input: {
        leaseNumber: paid.lease,
        paidOn: isoToday(),
        amount: '100000',
        idempotencyKey: freshKey(),
      },
    });
    const open = await asLegal(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { number status } }`,
      {
        input: {
          role: 'DEFENDANT',
          court: 'Tribunal de Sidi Mhamed',
          level: 'FIRST_INSTANCE',
          subject: 'LIABILITY',
          partyKind: 'ADMINISTRATION',
          partyName: 'Direction des travaux publics',
          lawyer: 'Me Kaci',
          amountClaimed: '5000000',
          openedOn: isoToday(),
          idempotencyKey: freshKey(),
        },
      },
    );
    expect(open.body.errors).toBeUndefined();
    const number = open.body.data.openCase.number;
    const other = await graph.token({ kind: 'agent', commune: '1602', service: 'LEGAL_AFFAIRS' });
    const tables = ['disputes.cases', 'disputes.hearings', 'disputes.case_events'];
    const before = await Promise.all(tables.map((t) => countRows(graph.database.db, t)));
    const checks: [string, Promise<Awaited<ReturnType<typeof asLegal>>>][] = [
      ['NOTICE_DEADLINE_NOT_PASSED', fromNotice(notice)],
      ['NOTICE_ANSWERED', fromNotice(paid.notice)],
      ['NOTICE_NOT_FOUND', fromNotice('MED-1601-2020-999999')],
      [
        'CASE_NOT_HEARD',
        asLegal(JUDGMENT, { input: { number, date: isoToday(), decision: 'LOST' } }),
      ],
      ['ILLEGAL_TRANSITION', asLegal(MOVE, { input: { number, to: 'APPEALED' } })],
      ['ILLEGAL_TRANSITION', asLegal(MOVE, { input: { number, to: 'JUDGED' } })],
      ['ILLEGAL_TRANSITION', asLegal(MOVE, { input: { number, to: 'OPEN' } })],
      [
        'CASE_NOT_FOUND',
        asLegal(MOVE, { input: { number: 'AFF-1601-2020-99999', to: 'SETTLED' } }),
      ],
      [
        'CASE_NOT_FOUND',
        graph.query(MOVE, { input: { number, to: 'WITHDRAWN' } }, { token: other, purpose: LIT }),
      ],
      [
        'FORBIDDEN',
        graph.query(
          MOVE,
          { input: { number, to: 'WITHDRAWN' } },
          { token: patrimony, purpose: 'PATRIMONY_MANAGEMENT' },
        ),
      ],
      [
        'INVALID_DATE',
        asLegal(HEARING, { input: { number, date: '2999-01-01', outcome: 'Renvoi' } }),
      ],
    ];
    for (const [code, pending] of checks) {
      const res = await pending;
      expect(codeOf(res), `${code}: ${JSON.stringify(res.body.errors)}`).toBe(code);
    }
    const after = await Promise.all(tables.map((t) => countRows(graph.database.db, t)));
    expect(after).toEqual(before);
    // Another commune's legal affairs do not see the case at all.
    const read = await graph.query(
      `query ($n: String!) { case(number: $n) { number } }`,
      { n: number },
      { token: other, purpose: LIT },
    );
    expect(read.body.data.case).toBeNull();
    const settled = await asLegal(MOVE, { input: { number, to: 'SETTLED', note: 'Transaction' } });
    expect(settled.body.data.moveCase.status).toBe('SETTLED');
    expect(codeOf(await asLegal(MOVE, { input: { number, to: 'CLOSED' } }))).toBe(
      'ILLEGAL_TRANSITION',
    );
  });
});
