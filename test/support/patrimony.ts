import { sql } from 'drizzle-orm';
import type { TestGraph } from './graph.js';
import { rows } from './sql.js';

/** Helpers for tests of the commune's own administration (patrimony, disputes). */
export const isoToday = () => new Date().toISOString().slice(0, 10);

/** The first day of the month `back` months before this one (UTC, as the subgraphs count). */
export function monthStart(back: number): string {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  return m.toISOString().slice(0, 10);
}

let counter = 0;
export const freshKey = (prefix = 'k') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const codeOf = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  res.body.errors?.[0]?.extensions?.code;

export const REGISTER_ASSET = /* GraphQL */ `
  mutation ($input: RegisterAssetInput!) {
    registerAsset(input: $input) {
      inventoryNumber
      productive
      category
    }
  }
`;
export const SIGN_LEASE = /* GraphQL */ `
  mutation ($input: SignLeaseInput!) {
    signLease(input: $input) {
      number
      status
      tenantKind
      monthlyRent {
        centimes
        dzd
      }
    }
  }
`;
export const RECORD_PAYMENT = /* GraphQL */ `
  mutation ($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      receiptNumber
      paidOn
      amount {
        centimes
        dzd
      }
    }
  }
`;
export const ISSUE_NOTICE = /* GraphQL */ `
  mutation ($lease: String!) {
    issueFormalNotice(leaseNumber: $lease) {
      alreadyIssued
      notice {
        number
        period
        deadline
        amountDue {
          centimes
          dzd
        }
      }
    }
  }
`;

export function assetInput(category = 'KIOSK', extra: Record<string, unknown> = {}) {
  return {
    category,
    name: `Test ${category}`,
    address: '1 rue Didouche Mourad',
    surfaceSquareMetres: 12,
    acquisitionDate: '2010-03-01',
    acquisitionValue: '1500000.00',
    legalStatus: 'PRIVATE_DOMAIN',
    condition: 'GOOD',
    idempotencyKey: freshKey('asset'),
    ...extra,
  };
}

export async function livingAdults(graph: TestGraph, n: number, offset = 0) {
  return rows<{ nin: string; birth_commune_code: string }>(
    graph.database.db,
    sql`select nin, birth_commune_code from citizens.citizens where death_date is null and birth_date < '2000-01-01' order by nin limit ${n} offset ${offset}`,
  );
}
