export * as citizensTables from './citizens.js';
export * as communesTables from './communes.js';
export * as documentsTables from './documents.js';
export * as vehiclesTables from './vehicles.js';
export * as platformTables from './platform.js';
export * as hygieneTables from './hygiene.js';
export * as associationsTables from './associations.js';
