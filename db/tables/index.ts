export * as citizensTables from './citizens.js';
export * as communesTables from './communes.js';
