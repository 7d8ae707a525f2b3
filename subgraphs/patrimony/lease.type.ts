import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LEASE_STATUSES } from '../../db/tables/patrimony.js';
import { Money } from '../kit/money.js';
import { ConnectionType } from '../kit/pagination.js';

export const LeaseStatus = Object.fromEntries(LEASE_STATUSES.map((s) => [s, s])) as {
  [K in (typeof LEASE_STATUSES)[number]]: K;
};
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
registerEnumType(LeaseStatus, {
  name: 'LeaseStatus',
  description: 'ACTIVE, ENDED (at its term) or TERMINATED (before it).',
});

export enum TenantKind {
  CITIZEN = 'CITIZEN',
  COMPANY = 'COMPANY',
}
registerEnumType(TenantKind, {
  name: 'TenantKind',
  description: 'A citizen (by NIN) or a company (by its tax number, NIF).',
});

export interface LeaseRecord {
  number: string;
  assetInventoryNumber: string;
  communeCode: string;
  tenantNin: string | null;
  tenantNif: string | null;
  tenantName: string | null;
  tenantPhone: string;
  startDate: string;
  endDate: string;
  monthlyRentCentimes: number;
  depositCentimes: number;
  status: LeaseStatus;
  version: number;
}

export interface PaymentRecord {
  id: number;
  leaseNumber: string;
  receiptNumber: string;
  paidOn: string;
  amountCentimes: number;
}

/** A notice, with what the access decision needs of its lease. */
export interface NoticeRecord {
  number: string;
  leaseNumber: string;
  communeCode: string;
  tenantNin: string | null;
  period: string;
  amountDueCentimes: number;
  issuedOn: string;
  deadline: string;
}

@ObjectType({ description: 'A company tenant, known by its tax identification number.' })
export class Company {
  @Field(() => String, { description: 'Tax identification number (NIF), 15 digits.' })
  nif!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({
  description:
    'What a tenant owes, computed from the rent schedule and the payments: never entered by hand.',
})
export class Arrears {
  @Field(() => LocalDateResolver, { description: 'The day the computation is made for.' })
  asOf!: string;

  @Field(() => Int, {
    description:
      'Months whose rent has fallen due: each calendar month of the lease, from the month it starts to this one (or its last).',
  })
  monthsDue!: number;

  @Field(() => Money, { description: 'Rent fallen due: monthsDue × monthly rent.' })
  due!: Money;

  @Field(() => Money, { description: 'Every payment received on this lease.' })
  paid!: Money;

  @Field(() => Money, { description: 'due − paid, or zero when the tenant is paid up or ahead.' })
  amount!: Money;

  @Field(() => Int, { description: 'Whole months of rent the arrears amount to.' })
  monthsInArrears!: number;
}

@ObjectType({ description: "A lease of one of a commune's productive assets." })
@Directive('@key(fields: "number")')
export class LeaseContract {
  @Field(() => ID, { description: 'Lease number: BAIL-<commune>-<year>-<serial>.' })
  number!: string;

  @Field(() => TenantKind)
  tenantKind!: TenantKind;

  @Field(() => String, { description: 'Mobile number the tenant is told on (SMS).' })
  tenantPhone!: string;

  @Field(() => LocalDateResolver)
  startDate!: string;

  @Field(() => LocalDateResolver)
  endDate!: string;

  @Field(() => Money)
  monthlyRent!: Money;

  @Field(() => Money)
  deposit!: Money;

  @Field(() => LeaseStatus)
  status!: LeaseStatus;
}

@ObjectType({ description: 'Rent received on a lease, with its receipt.' })
export class Payment {
  @Field(() => String, { description: 'Receipt number: QUIT-<commune>-<year>-<serial>.' })
  receiptNumber!: string;

  @Field(() => LocalDateResolver)
  paidOn!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({
  description:
    'A formal notice (mise en demeure) to a tenant in arrears: at most one per lease and month.',
})
export class FormalNotice {
  @Field(() => ID, { description: 'Notice number: MED-<commune>-<year>-<serial>.' })
  number!: string;

  @Field(() => String, { description: 'The month it was issued for (YYYY-MM): one per period.' })
  period!: string;

  @Field(() => Money, { description: 'Arrears on the day it was issued.' })
  amountDue!: Money;

  @Field(() => LocalDateResolver)
  issuedOn!: string;

  @Field(() => LocalDateResolver, { description: 'The day by which the tenant must pay.' })
  deadline!: string;
}

export const LeaseContractConnection = ConnectionType(LeaseContract, 'LeaseContract', 'lease');
export const PaymentConnection = ConnectionType(Payment, 'Payment', 'payment');
