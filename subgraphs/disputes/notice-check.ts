import type { Context } from '../kit/context.js';
import { ErrorCode, appError } from '../kit/errors.js';
import { raisePeerError } from '../kit/peers.js';

const QUERY = `query NoticeCheck($n: String!) {
  formalNotice(number: $n) {
    number deadline answered amountDue { centimes }
    lease { number tenant { nin } company { nif name } }
  }
}`;

export interface UnansweredNotice {
  number: string;
  deadline: string;
  amountDueCentimes: number;
  leaseNumber: string;
  tenantNin: string | null;
  company: { nif: string; name: string } | null;
}

/**
 * The notice a case is opened from, asked of the patrimony on the caller's behalf (its
 * policy and audit apply to the legal-affairs agent): it must exist in the agent's
 * commune, its deadline must have passed, and the tenant must not have paid it.
 */
export async function unansweredNotice(
  ctx: Context,
  number: string,
  today: string,
): Promise<UnansweredNotice> {
  const res = await ctx.peers.query<{
    formalNotice: {
      number: string;
      deadline: string;
      answered: boolean;
      amountDue: { centimes: number };
      lease: {
        number: string;
        tenant: { nin: string } | null;
        company: { nif: string; name: string } | null;
      } | null;
    } | null;
  }>('patrimony', QUERY, { n: number });
  raisePeerError('patrimony', res);
  const n = res.data?.formalNotice;
  if (!n || !n.lease)
    throw appError(ErrorCode.NOTICE_NOT_FOUND, `no formal notice ${number} of your commune`, {
      field: 'noticeNumber',
    });
  if (n.answered)
    throw appError(
      ErrorCode.NOTICE_ANSWERED,
      `the tenant has paid notice ${number}: there is nothing to sue for`,
      {
        field: 'noticeNumber',
      },
    );
  if (today <= n.deadline)
    throw appError(
      ErrorCode.NOTICE_DEADLINE_NOT_PASSED,
      `notice ${number} gives the tenant until ${n.deadline}: a case may be opened after that day`,
      { field: 'noticeNumber' },
    );
  return {
    number: n.number,
    deadline: n.deadline,
    amountDueCentimes: n.amountDue.centimes,
    leaseNumber: n.lease.number,
    tenantNin: n.lease.tenant?.nin ?? null,
    company: n.lease.company,
  };
}
