import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { FormalNotice, LeaseStatus } from './lease.type.js';

@InputType({
  description:
    'A lease of a productive asset of the agent’s commune, to a citizen (tenantNin) or a company (tenantNif and tenantName).',
})
export class SignLeaseInput {
  @Field(() => String)
  inventoryNumber!: string;

  @Field(() => String, {
    nullable: true,
    description: "A citizen tenant's NIN; the registry is consulted.",
  })
  tenantNin?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A company tenant's tax number (NIF, 15 digits).",
  })
  tenantNif?: string | null;

  @Field(() => String, { nullable: true, description: "A company tenant's name." })
  tenantName?: string | null;

  @Field(() => String, { description: 'Mobile number for notices: 05, 06 or 07 and 8 digits.' })
  tenantPhone!: string;

  @Field(() => LocalDateResolver)
  startDate!: string;

  @Field(() => LocalDateResolver, { description: 'After startDate, at most 30 years later.' })
  endDate!: string;

  @Field(() => String, { description: 'Monthly rent in DZD, e.g. "15000.00".' })
  monthlyRent!: string;

  @Field(() => String, { nullable: true, description: 'Deposit in DZD; none when omitted.' })
  deposit?: string | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'Rent received on an active lease.' })
export class RecordPaymentInput {
  @Field(() => String)
  leaseNumber!: string;

  @Field(() => LocalDateResolver, {
    description: 'Not in the future, not before the lease starts.',
  })
  paidOn!: string;

  @Field(() => String, { description: 'Amount in DZD, e.g. "15000.00".' })
  amount!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType({ description: 'Ends an active lease.' })
export class EndLeaseInput {
  @Field(() => String)
  number!: string;

  @Field(() => LocalDateResolver, { description: 'The last day of the lease.' })
  on!: string;

  @Field(() => LeaseStatus, { description: 'ENDED at its term, or TERMINATED before it.' })
  status!: LeaseStatus;
}

@ObjectType({ description: 'The notice of this period, and whether it had already been issued.' })
export class FormalNoticePayload {
  @Field(() => FormalNotice)
  notice!: FormalNotice;

  @Field(() => Boolean, {
    description:
      'True when this period’s notice already existed: it was returned, not issued again, and no second SMS was sent.',
  })
  alreadyIssued!: boolean;
}
