import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import {
  Energy,
  RegistrationCard,
  Vehicle,
  VehicleCategory,
  VehicleStatus,
} from './vehicle.type.js';

@InputType({
  description: 'A vehicle registered for the first time, at the counter of the agent’s commune.',
})
export class RegisterVehicleInput {
  @Field(() => String)
  vin!: string;

  @Field(() => String)
  make!: string;

  @Field(() => String)
  model!: string;

  @Field(() => VehicleCategory)
  category!: VehicleCategory;

  @Field(() => Energy)
  energy!: Energy;

  @Field(() => Int, { description: 'Model year.' })
  year!: number;

  @Field(() => String, { description: "The owner's NIN; the registry is consulted." })
  ownerNin!: string;

  @Field(() => String, {
    description: 'A key unique to this registration: a retry never registers twice.',
  })
  idempotencyKey!: string;
}

@InputType({
  description: 'A sale: the seller must be the current owner, the buyer alive in the registry.',
})
export class TransferOwnershipInput {
  @Field(() => String)
  vin!: string;

  @Field(() => String)
  sellerNin!: string;

  @Field(() => String)
  buyerNin!: string;

  @Field(() => LocalDateResolver, { description: 'Date of the sale; not in the future.' })
  date!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@ObjectType({ description: 'The vehicle and the registration card now valid.' })
export class RegistrationPayload {
  @Field(() => Vehicle)
  vehicle!: Vehicle;

  @Field(() => RegistrationCard)
  card!: RegistrationCard;

  @Field(() => Boolean, {
    description: 'True when this answers a retry of an earlier, identical request.',
  })
  replayed!: boolean;
}

@InputType({ description: 'Narrows the vehicles of a wilaya.' })
export class VehicleFilter {
  @Field(() => VehicleCategory, { nullable: true })
  category?: VehicleCategory | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => VehicleStatus, { nullable: true })
  status?: VehicleStatus | null;
}
