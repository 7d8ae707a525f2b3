import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';
import { DocumentType, DrivingCategory } from './document.type.js';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  IN_PRODUCTION = 'IN_PRODUCTION',
  READY = 'READY',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'SUBMITTED → UNDER_REVIEW → APPROVED or REJECTED → IN_PRODUCTION → READY → DELIVERED; CANCELLED before production.',
});

export enum ApplicationReason {
  FIRST = 'FIRST',
  RENEWAL = 'RENEWAL',
  LOSS = 'LOSS',
  THEFT = 'THEFT',
  DAMAGE = 'DAMAGE',
}
registerEnumType(ApplicationReason, { name: 'ApplicationReason' });

export interface ApplicationRecord {
  number: string;
  type: DocumentType;
  categories: string[];
  reason: ApplicationReason;
  nin: string;
  applicantBirthDate: string;
  counterCommuneCode: string;
  contactPhone: string;
  /** Hash of the receipt's tracking code; never leaves the subgraph. */
  trackingCodeHash: string | null;
  status: ApplicationStatus;
  version: number;
  previousDocumentNumber: string | null;
  documentNumber: string | null;
  rejectionReason: string | null;
  submittedBy: string;
  submittedAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export interface ApplicationEventRecord {
  id: number;
  applicationNumber: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actor: string;
  reason: string | null;
  at: string;
}

@ObjectType({ description: 'An application for a document, taken at a commune counter.' })
@Directive('@key(fields: "number")')
export class Application {
  @Field(() => ID, { description: 'Application number, given on the receipt (APP-YYYY-NNNNNNNN).' })
  number!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => [DrivingCategory])
  categories!: DrivingCategory[];

  @Field(() => ApplicationReason)
  reason!: ApplicationReason;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the status.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  rejectionReason!: string | null;

  @Field(() => String, { description: 'When it was submitted (ISO 8601).' })
  submittedAt!: string;

  @Field(() => String, { description: 'When it last changed (ISO 8601).' })
  updatedAt!: string;
}

@ObjectType({ description: 'One step in the life of an application.' })
export class ApplicationEvent {
  @Field(() => ApplicationStatus, { nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  toStatus!: ApplicationStatus;

  @Field(() => String, { description: 'AGENT, MINISTRY or CITIZEN.' })
  actorKind!: string;

  @Field(() => String, { description: 'Who made the change (agent or client identifier).' })
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String)
  at!: string;
}

@ObjectType({
  description:
    "What the kiosk shows to anyone with the receipt (application number and tracking code) and the applicant's birth date.",
})
export class ApplicationTracking {
  @Field(() => String, { description: 'The application number.' })
  number!: string;

  @Field(() => DocumentType, { description: 'The document applied for.' })
  type!: DocumentType;

  @Field(() => ApplicationStatus, { description: 'Where the application stands.' })
  status!: ApplicationStatus;

  @Field(() => String, { description: 'When it last changed (ISO 8601).' })
  updatedAt!: string;
}

@ObjectType({ description: 'A new tracking code for the receipt; the previous one stops working.' })
export class TrackingCodePayload {
  @Field(() => String, { description: 'The application number.' })
  number!: string;

  @Field(() => String, {
    description: 'The code to print on the receipt (XXXXX-XXXXX); it is shown only this once.',
  })
  trackingCode!: string;
}

export const ApplicationConnection = ConnectionType(Application, 'Application', 'application');
