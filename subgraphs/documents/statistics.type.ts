import { Field, Float, ObjectType } from 'type-graphql';
import { ApplicationStatus } from './application.type.js';
import { DocumentType } from './document.type.js';

@ObjectType({ description: 'Documents delivered, by type and wilaya of the issuing commune.' })
export class DeliveredCount {
  @Field(() => DocumentType)
  type!: DocumentType;

  @Field(() => String, { description: 'Two-digit wilaya code of the issuing commune.' })
  wilayaCode!: string;

  @Field(() => Float)
  count!: number;
}

@ObjectType({ description: 'Applications currently in a status.' })
export class StatusCount {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Float)
  count!: number;
}

@ObjectType({ description: 'How long a commune takes from submission to delivery.' })
export class ProcessingTime {
  @Field(() => String, { description: 'Commune code of the counter.' })
  communeCode!: string;

  @Field(() => Float, { description: 'Median days from submission to delivery.' })
  medianDays!: number;

  @Field(() => Float, { description: 'Applications delivered in the period.' })
  delivered!: number;
}
