import { Field, InputType, Int } from 'type-graphql';
import {
  CertificateChannel,
  CertificateDecision,
  CertificateRequestStatus,
  CertificateType,
} from './certificate.type.js';

@InputType({ description: 'A certificate asked for: which, for whom, why, where to be told.' })
export class RequestCertificateInput {
  @Field(() => String, {
    description:
      'A CertificateType (BIRTH_EXTRACT, RESIDENCE_CERTIFICATE, …). Any other value is UNKNOWN_CERTIFICATE_TYPE.',
  })
  type!: string;

  @Field(() => String, { description: 'What it is for (a bank, a consulate, a file): 3 to 300.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Whose certificate: the citizen's own (they may leave it out); an agent at a counter names the citizen they help.",
  })
  nin?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The address where the citizen lives: residence certificate only, and required.',
  })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The commune whose civil-status office decides it. A citizen's request goes by default to their birth commune, whose office keeps their birth act; an agent's to the agent's commune.",
  })
  communeCode?: string | null;

  @Field(() => CertificateChannel, {
    nullable: true,
    description: 'ONLINE (default) or KIOSK for a citizen; an agent’s request is COUNTER.',
  })
  channel?: CertificateChannel | null;

  @Field(() => String, {
    description: 'Mobile number for the SMS of the decision: 05, 06 or 07 then 8 digits.',
  })
  contactPhone!: string;

  @Field(() => String, {
    description: 'A key unique to this request (a UUID): a retry never files it twice.',
  })
  idempotencyKey!: string;
}

@InputType({ description: 'The decision of the civil-status office on a certificate request.' })
export class DecideCertificateRequestInput {
  @Field(() => String)
  number!: string;

  @Field(() => CertificateDecision)
  decision!: CertificateDecision;

  @Field(() => String, {
    nullable: true,
    description: 'Why: required (10 characters or more) to refuse; the citizen reads it.',
  })
  justification?: string | null;

  @Field(() => Int, { description: 'The version you read: CONFLICT if it changed since.' })
  expectedVersion!: number;
}

@InputType({ description: "Narrows the office's queue." })
export class CertificateRequestFilter {
  @Field(() => CertificateRequestStatus, { nullable: true })
  status?: CertificateRequestStatus | null;

  @Field(() => CertificateType, { nullable: true })
  type?: CertificateType | null;
}
