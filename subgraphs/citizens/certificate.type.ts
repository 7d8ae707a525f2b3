import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum CertificateType {
  BIRTH_EXTRACT = 'BIRTH_EXTRACT',
  RESIDENCE_CERTIFICATE = 'RESIDENCE_CERTIFICATE',
  CERTIFICATE_OF_LIFE = 'CERTIFICATE_OF_LIFE',
  FAMILY_RECORD = 'FAMILY_RECORD',
  NON_REMARRIAGE_CERTIFICATE = 'NON_REMARRIAGE_CERTIFICATE',
  MARITAL_STATUS_CERTIFICATE = 'MARITAL_STATUS_CERTIFICATE',
}
registerEnumType(CertificateType, {
  name: 'CertificateType',
  description:
    'Certificates a citizen requests online, at the kiosk or at a counter; the guide (certificateProcedures) says what each needs.',
});

export enum CertificateRequestStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}
registerEnumType(CertificateRequestStatus, {
  name: 'CertificateRequestStatus',
  description:
    'SUBMITTED → APPROVED (the certificate is signed and ready) or REFUSED (with a justification).',
});

export enum CertificateChannel {
  ONLINE = 'ONLINE',
  KIOSK = 'KIOSK',
  COUNTER = 'COUNTER',
}
registerEnumType(CertificateChannel, {
  name: 'CertificateChannel',
  description:
    "Where it was requested: from the citizen's account online or at a kiosk, or by an agent at a counter on their behalf.",
});

export enum CertificateDecision {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}
registerEnumType(CertificateDecision, { name: 'CertificateDecision' });

export interface CertificateRequestRecord {
  number: string;
  nin: string;
  type: CertificateType;
  reason: string;
  address: string | null;
  communeCode: string;
  channel: CertificateChannel;
  contactPhone: string;
  applicantBirthDate: string;
  /** Never leaves the subgraph. */
  trackingCodeHash: string;
  status: CertificateRequestStatus;
  version: number;
  justification: string | null;
  certificateCode: string | null;
  /** The signed certificate: for its holder only. */
  credential: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export interface CertificateRequestEventRecord {
  id: number;
  requestNumber: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actor: string;
  note: string | null;
  at: string;
}

@ObjectType({
  description:
    'A certificate requested online, at the kiosk or at a counter, and its decision by the civil-status office of a commune.',
})
export class CertificateRequest {
  @Field(() => String, { description: 'CRT-CCCC-YYYY-NNNNNN: commune, year, serial.' })
  number!: string;

  @Field(() => CertificateType)
  type!: CertificateType;

  @Field(() => String, { description: 'What the certificate is for, as the citizen said.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The declared address (residence certificate only).',
  })
  address!: string | null;

  @Field(() => CertificateChannel)
  channel!: CertificateChannel;

  @Field(() => CertificateRequestStatus)
  status!: CertificateRequestStatus;

  @Field(() => Int, { description: 'Name it when deciding: CONFLICT if it changed since.' })
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused (or a note on approval), as the citizen reads it.',
  })
  justification!: string | null;
}

@ObjectType({
  description:
    'A signed certificate (SD-JWT VC, as the digital birth extract): every fact selectively disclosable, checked with verifyExtract.',
})
export class SignedCertificate {
  @Field(() => String, {
    description: 'The SD-JWT VC with all disclosures (issuer-signed JWT~disclosure~…~).',
  })
  credential!: string;

  @Field(() => String, { description: 'The verification code printed on it (always disclosed).' })
  code!: string;
}

@ObjectType({ description: 'One step of a certificate request: who, when, why.' })
export class CertificateRequestEvent {
  @Field(() => CertificateRequestStatus, { nullable: true })
  fromStatus!: CertificateRequestStatus | null;

  @Field(() => CertificateRequestStatus)
  toStatus!: CertificateRequestStatus;

  @Field(() => String, { description: 'CITIZEN or AGENT.' })
  actorKind!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  at!: string;
}

@ObjectType({ description: 'The outcome of requestCertificate.' })
export class RequestCertificatePayload {
  @Field(() => CertificateRequest)
  request!: CertificateRequest;

  @Field(() => Boolean, {
    description: 'True when this answers a retry of an earlier, identical request.',
  })
  replayed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The kiosk tracking code of the receipt (XXXXX-XXXXX), given in the first answer only (null on a replay): only its hash is kept.',
  })
  trackingCode!: string | null;
}

@ObjectType({
  description:
    'What the kiosk shows of a certificate request to whoever holds its receipt: no personal data.',
})
export class CertificateRequestTracking {
  @Field(() => String)
  number!: string;

  @Field(() => CertificateType)
  type!: CertificateType;

  @Field(() => CertificateRequestStatus)
  status!: CertificateRequestStatus;

  @Field(() => String)
  submittedAt!: string;

  @Field(() => String, { nullable: true })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused, when REFUSED.' })
  justification!: string | null;
}

@ObjectType({
  description:
    'The guide of procedures for a certificate: pieces, fee, usual delay, where to ask (beside the documents’ guide, Query.procedures).',
})
export class CertificateProcedure {
  @Field(() => CertificateType)
  type!: CertificateType;

  @Field(() => String, { description: 'Name of the certificate in French.' })
  title!: string;

  @Field(() => String, { description: 'Name of the certificate in Arabic.' })
  titleAr!: string;

  @Field(() => [String], { description: 'Pieces to bring or that the office checks.' })
  piecesRequired!: string[];

  @Field(() => Int, { description: 'Fee in Algerian dinars.' })
  feeDzd!: number;

  @Field(() => Int, { description: 'Usual working days until the certificate is signed.' })
  typicalDelayDays!: number;

  @Field(() => String)
  whereToApply!: string;
}

export const CertificateRequestConnection = ConnectionType(
  CertificateRequest,
  'CertificateRequest',
  'certificate request',
);
