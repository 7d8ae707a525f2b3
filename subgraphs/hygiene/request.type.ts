import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';
import { REQUEST_STATUSES } from './workflow.js';

export enum HygieneRequestCategory {
  WASTE_NOT_COLLECTED = 'WASTE_NOT_COLLECTED',
  WATER_LEAK = 'WATER_LEAK',
  PUBLIC_LIGHTING = 'PUBLIC_LIGHTING',
  NOISE = 'NOISE',
  UNSANITARY_PREMISES = 'UNSANITARY_PREMISES',
  STRAY_ANIMALS = 'STRAY_ANIMALS',
  OTHER = 'OTHER',
}
registerEnumType(HygieneRequestCategory, {
  name: 'HygieneRequestCategory',
  description: 'What a request is about; each category has its own deadline.',
});

export enum HygieneRequestStatus {
  FILED = 'FILED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  REJECTED = 'REJECTED',
}
registerEnumType(HygieneRequestStatus, {
  name: 'HygieneRequestStatus',
  description:
    'FILED → ASSIGNED → IN_PROGRESS → RESOLVED; REJECTED from any open status. RESOLVED and REJECTED close it, with a justification, and tell the requester by SMS.',
});

export enum HygieneRequestChannel {
  SIGNED_IN = 'SIGNED_IN',
  KIOSK = 'KIOSK',
}
registerEnumType(HygieneRequestChannel, {
  name: 'HygieneRequestChannel',
  description: 'Filed by a signed-in citizen, or at the kiosk without an account.',
});

export interface RequestRecord {
  number: string;
  communeCode: string;
  category: HygieneRequestCategory;
  place: string;
  text: string;
  establishmentId: string | null;
  requesterNin: string | null;
  contactPhone: string | null;
  channel: HygieneRequestChannel;
  status: HygieneRequestStatus;
  version: number;
  assignee: string | null;
  filedAt: string;
  deadline: string;
  closedAt: string | null;
  justification: string | null;
}

export interface RequestEventRecord {
  id: number;
  requestNumber: string;
  fromStatus: string | null;
  toStatus: string;
  actorKind: string;
  actor: string;
  note: string | null;
  at: string;
}

@ObjectType({ description: 'One step of a request: who moved it, when, and why.' })
export class HygieneRequestEvent {
  @Field(() => HygieneRequestStatus, { nullable: true })
  fromStatus!: string | null;

  @Field(() => HygieneRequestStatus)
  toStatus!: string;

  @Field(() => String, { description: 'AGENT, CITIZEN or ANONYMOUS (the kiosk).' })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: 'The note or justification given.' })
  note!: string | null;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  at!: string;
}

@ObjectType({
  description:
    "A citizens' request (requête) to the commune's hygiene office. Seen by the office of its commune and by the requester; the requester is never shown to the operator of an establishment it reports.",
})
export class HygieneRequest {
  @Field(() => ID, { description: 'RQ-CCCC-YYYY-NNNNNN: commune, year, serial.' })
  number!: string;

  @Field(() => HygieneRequestCategory)
  category!: HygieneRequestCategory;

  @Field(() => String, { description: 'Where: a street, a landmark.' })
  place!: string;

  @Field(() => String, { description: 'What is wrong, in the requester’s words.' })
  text!: string;

  @Field(() => HygieneRequestStatus)
  status!: HygieneRequestStatus;

  @Field(() => HygieneRequestChannel)
  channel!: HygieneRequestChannel;

  @Field(() => Int, { description: 'Optimistic lock: name it when you move the request.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Who works on it, once assigned.' })
  assignee!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was closed (RESOLVED or REJECTED), as told to the requester.',
  })
  justification!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The mobile number the requester left (the SMS at closing goes there).',
  })
  contactPhone!: string | null;
}

export const HygieneRequestConnection = ConnectionType(
  HygieneRequest,
  'HygieneRequest',
  'citizens’ request',
);

@ObjectType({ description: 'What filing a request gives back: the number to follow it with.' })
export class FileHygieneRequestPayload {
  @Field(() => String, { description: 'The request number, to keep (printed at the kiosk).' })
  number!: string;

  @Field(() => HygieneRequestStatus)
  status!: HygieneRequestStatus;

  @Field(() => String, { description: 'ISO 8601 instant by which the office should close it.' })
  deadline!: string;

  @Field(() => Boolean, { description: 'True when this answers a retry of the same filing.' })
  replayed!: boolean;
}

@ObjectType({
  description:
    'A request as anyone holding its number and the phone number it was filed with sees it: no requester, no phone.',
})
export class HygieneRequestTracking {
  @Field(() => String)
  number!: string;

  @Field(() => HygieneRequestCategory)
  category!: HygieneRequestCategory;

  @Field(() => HygieneRequestStatus)
  status!: HygieneRequestStatus;

  @Field(() => String)
  filedAt!: string;

  @Field(() => String)
  deadline!: string;

  @Field(() => String, { nullable: true })
  closedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed.' })
  justification!: string | null;

  @Directive(`@listSize(assumedSize: ${REQUEST_STATUSES.length})`)
  @Field(() => [HygieneRequestStep], {
    description:
      'Each step so far, oldest first (one per status at most: the workflow has no cycle).',
  })
  steps!: HygieneRequestStep[];
}

@ObjectType({ description: 'A step of a request as its follower sees it: a status and when.' })
export class HygieneRequestStep {
  @Field(() => HygieneRequestStatus)
  status!: string;

  @Field(() => String)
  at!: string;
}
