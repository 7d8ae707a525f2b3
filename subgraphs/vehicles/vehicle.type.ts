import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../kit/pagination.js';

export enum VehicleCategory {
  TOURISM = 'TOURISM',
  TRUCK = 'TRUCK',
  VAN = 'VAN',
  BUS = 'BUS',
  ROAD_TRACTOR = 'ROAD_TRACTOR',
  AGRICULTURAL_TRACTOR = 'AGRICULTURAL_TRACTOR',
  SPECIAL = 'SPECIAL',
  TRAILER = 'TRAILER',
  MOTORCYCLE = 'MOTORCYCLE',
}
registerEnumType(VehicleCategory, {
  name: 'VehicleCategory',
  description: 'Category, as the plate’s category digit (1 to 9).',
});

export enum Energy {
  PETROL = 'PETROL',
  DIESEL = 'DIESEL',
  LPG = 'LPG',
  ELECTRIC = 'ELECTRIC',
  HYBRID = 'HYBRID',
}
registerEnumType(Energy, { name: 'Energy' });

export enum VehicleStatus {
  ACTIVE = 'ACTIVE',
  STOLEN = 'STOLEN',
  SCRAPPED = 'SCRAPPED',
}
registerEnumType(VehicleStatus, { name: 'VehicleStatus' });

export interface VehicleRecord {
  vin: string;
  make: string;
  model: string;
  category: VehicleCategory;
  energy: Energy;
  year: number;
  firstRegistrationDate: string;
  plate: string;
  wilayaCode: string;
  status: VehicleStatus;
  ownerNin: string;
  version: number;
}

export interface OwnershipRecord {
  id: number;
  vin: string;
  ownerNin: string;
  fromDate: string;
  toDate: string | null;
}

export interface CardRecord {
  number: string;
  vin: string;
  holderNin: string;
  plate: string;
  issueDate: string;
  closedDate: string | null;
  status: 'VALID' | 'CLOSED';
}

@ObjectType({
  description: 'A wilaya (defined by the communes subgraph); here it gains its count of vehicles.',
})
@Directive('@key(fields: "code")')
export class Wilaya {
  @Field(() => String)
  code!: string;
}

@ObjectType({ description: 'A registered vehicle.' })
@Directive('@key(fields: "vin")')
export class Vehicle {
  @Field(() => ID, { description: 'Vehicle identification number (17 characters, no I, O or Q).' })
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

  @Field(() => LocalDateResolver)
  firstRegistrationDate!: string;

  @Field(() => String, { description: 'Plate SSSSS-CYY-WW, e.g. 01234-115-16.' })
  plate!: string;

  @Field(() => VehicleStatus)
  status!: VehicleStatus;
}

@ObjectType({ description: 'One owner of a vehicle over a period.' })
export class Ownership {
  @Field(() => LocalDateResolver)
  fromDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null for the current owner.' })
  toDate!: string | null;
}

@ObjectType({ description: 'An electronic registration card (carte grise).' })
export class RegistrationCard {
  @Field(() => String)
  number!: string;

  @Field(() => String)
  plate!: string;

  @Field(() => LocalDateResolver)
  issueDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When a transfer closed it.' })
  closedDate!: string | null;

  @Field(() => String, { description: 'VALID or CLOSED.' })
  status!: string;
}

@ObjectType({ description: 'A roadside check: is this plate reported stolen? No owner data.' })
export class StolenCheck {
  @Field(() => String)
  plate!: string;

  @Field(() => Boolean, { description: 'False for an unknown plate too.' })
  known!: boolean;

  @Field(() => Boolean)
  stolen!: boolean;

  @Field(() => String, { nullable: true })
  make!: string | null;

  @Field(() => String, { nullable: true })
  model!: string | null;
}

export const VehicleConnection = ConnectionType(Vehicle, 'Vehicle', 'vehicle');

export const OwnershipConnection = ConnectionType(Ownership, 'Ownership', 'ownership');
export const RegistrationCardConnection = ConnectionType(
  RegistrationCard,
  'RegistrationCard',
  'registration card',
);
