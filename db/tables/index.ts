export * as citizensTables from './citizens.js';
export * as communesTables from './communes.js';
export * as documentsTables from './documents.js';
export * as vehiclesTables from './vehicles.js';
export * as patrimonyTables from './patrimony.js';
export * as disputesTables from './disputes.js';
export * as platformTables from './platform.js';
export * as educationTables from './education.js';
