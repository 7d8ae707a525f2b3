import type { PgTable } from 'drizzle-orm/pg-core';
import * as associationTables from '../tables/associations.js';
import { civilActs, marginalNotes, serials as citizenSerials } from '../tables/citizens.js';
import { applicationEvents, applications, documents, serials } from '../tables/documents.js';
import * as hygieneTables from '../tables/hygiene.js';
import * as vehicleTables from '../tables/vehicles.js';
import { AssociationGenerator } from './associations.js';
import type { CitizenSeedRow, SeedCouple } from './citizens.js';
import { CivilActGenerator } from './civil-acts.js';
import { DocumentGenerator } from './documents.js';
import { HygieneGenerator } from './hygiene.js';
import { VehicleGenerator } from './vehicles.js';

/**
 * The generators that follow the citizens batch by batch, in two groups that share no
 * state: each group sees every batch in order, so it draws the same rows whether it runs
 * beside the citizens' generator or in a worker thread of its own (db/seed/follower-pool.ts).
 */
export type FollowerGroup = 'registry' | 'services';
export const FOLLOWER_GROUPS: readonly FollowerGroup[] = ['registry', 'services'];

export type TableRows = [PgTable, readonly Record<string, unknown>[]];

/** What a group reports once the last batch is drawn. */
export interface FollowerCounts {
  documents: number;
  applications: number;
  vehicles: number;
  establishments: number;
  hygieneRequests: number;
  associations: number;
}

export interface Follower {
  generate(batch: readonly CitizenSeedRow[], couples: readonly SeedCouple[]): TableRows[];
  counts: FollowerCounts;
  /** The counter tables to raise, with the serials the group used. */
  counters(): [PgTable, string, ReadonlyMap<string, number>][];
}

const rowsOf = (rows: readonly object[]) => rows as unknown as Record<string, unknown>[];

export function follower(group: FollowerGroup, seed: number): Follower {
  const counts: FollowerCounts = {
    documents: 0,
    applications: 0,
    vehicles: 0,
    establishments: 0,
    hygieneRequests: 0,
    associations: 0,
  };
  if (group === 'registry') {
    const registers = new CivilActGenerator();
    return {
      counts,
      generate(batch, couples) {
        const drawn = registers.generate(batch, couples);
        return [
          [civilActs, drawn.acts],
          [marginalNotes, drawn.notes],
        ];
      },
      counters: () => [[citizenSerials, 'key', registers.serialsUsed]],
    };
  }
  // The vehicles go with the services: the acts alone (1.4 civil acts and 0.7 marginal
  // notes per citizen) weigh about as much as the documents, hygiene and associations.
  const cars = new VehicleGenerator(seed);
  const papers = new DocumentGenerator(seed);
  const hygiene = new HygieneGenerator(seed);
  const registry = new AssociationGenerator(seed);
  return {
    counts,
    generate(batch) {
      const fleet = cars.generate(batch);
      counts.vehicles += fleet.vehicles.length;
      const issued = papers.generate(batch);
      const office = hygiene.generate(batch);
      const clubs = registry.generate(batch);
      counts.documents += issued.documents.length;
      counts.applications += issued.applications.length;
      counts.establishments += office.establishments.length;
      counts.hygieneRequests += office.requests.length;
      counts.associations += clubs.associations.length;
      return [
        [vehicleTables.vehicles, rowsOf(fleet.vehicles)],
        [vehicleTables.ownerships, rowsOf(fleet.ownerships)],
        [vehicleTables.registrationCards, rowsOf(fleet.cards)],
        [documents, rowsOf(issued.documents)],
        [applications, rowsOf(issued.applications)],
        [applicationEvents, rowsOf(issued.events)],
        [hygieneTables.establishments, office.establishments],
        [hygieneTables.inspections, office.inspections],
        [hygieneTables.inspectionItems, office.items],
        [hygieneTables.samplingPoints, office.points],
        [hygieneTables.waterSamples, office.samples],
        [hygieneTables.campaigns, office.campaigns],
        [hygieneTables.requests, office.requests],
        [hygieneTables.requestEvents, office.events],
        [associationTables.associations, clubs.associations],
        [associationTables.founders, clubs.founders],
        [associationTables.boardMembers, clubs.board],
        [associationTables.associationEvents, clubs.events],
        [associationTables.generalAssemblies, clubs.assemblies],
      ];
    },
    counters: () => [
      [vehicleTables.serials, 'key', cars.serialsUsed],
      [serials, 'key', papers.serialsUsed],
      [hygieneTables.serials, 'key', hygiene.serialsUsed],
      [associationTables.serials, 'key', registry.serialsUsed],
    ],
  };
}

export function addCounts(into: FollowerCounts, from: FollowerCounts): void {
  for (const key of Object.keys(into) as (keyof FollowerCounts)[]) into[key] += from[key];
}
