import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  parse,
} from 'graphql';
import { assumedListSizes } from '../gateway/limits.js';
import { describe, expect, it } from 'vitest';
import { apiSchemaSdl, composeSupergraph } from '../schema/compose.js';
import { buildFederatedSchema } from '../subgraphs/kit/build-schema.js';
import { subgraphs } from '../subgraphs/registry.js';

const committed = (name: string) =>
  readFileSync(new URL(`../schema/${name}.graphql`, import.meta.url), 'utf8');
const KIT_ALLOWED = new Set(['Query._service', 'Query._entities', '_Service.sdl']);

describe('the schema contract in schema/', () => {
  it('matches the code: run `npm run compose` after changing a type', async () => {
    const { subgraphSdls, supergraphSdl } = await composeSupergraph();
    for (const [name, sdl] of Object.entries(subgraphSdls)) {
      expect(committed(name).trim(), `schema/${name}.graphql is stale`).toBe(sdl.trim());
    }
    expect(committed('supergraph').trim(), 'schema/supergraph.graphql is stale').toBe(
      supergraphSdl.trim(),
    );
    const api = committed('api');
    expect(api, 'schema/api.graphql is stale').toBe(apiSchemaSdl(supergraphSdl));
    // What integrators get is the public schema: no federation internals.
    expect(api).not.toMatch(/join__|link__|_entities|_service|@inaccessible/);
  });
});

describe('deny by default', () => {
  it.each(subgraphs.map((s) => [s.name, s] as const))(
    'every field of %s has an explicit rule',
    async (_name, def) => {
      const parts = def.schemaParts();
      const { schema } = await buildFederatedSchema(parts);
      const rules = parts.permissions as Record<string, unknown>;
      const missing: string[] = [];
      let fields = 0;
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        const typeRule = rules[type.name];
        for (const field of Object.keys(type.getFields())) {
          fields += 1;
          const id = `${type.name}.${field}`;
          if (KIT_ALLOWED.has(id)) continue;
          const covered =
            typeRule !== undefined &&
            (typeof typeRule !== 'object' ||
              typeRule === null ||
              'resolve' in (typeRule as object) ||
              field in (typeRule as object));
          if (!covered) missing.push(id);
        }
      }
      expect(fields).toBeGreaterThan(10);
      expect(missing, `fields without a rule: ${missing.join(', ')}`).toEqual([]);
    },
  );
});

describe('the access policy docs', () => {
  it('docs/access-policy.md matches schema/access-policy.ts: run `npm run policy:docs`', async () => {
    const { renderPolicy } = await import('../schema/policy-docs.js');
    const { fieldGroupIndex } = await import('../subgraphs/field-groups.js');
    const file = readFileSync(new URL('../docs/access-policy.md', import.meta.url), 'utf8');
    expect(file).toBe(renderPolicy(fieldGroupIndex()));
  });
});

describe('every list is a connection or says how long it can be', () => {
  it('each plain list of objects in the supergraph carries @listSize (the cost limit counts it)', () => {
    const schema = buildASTSchema(parse(committed('supergraph')), { assumeValidSDL: true });
    const sizes = assumedListSizes(committed('supergraph'));
    const plain: string[] = [];
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('join__'))
        continue;
      for (const field of Object.values(type.getFields())) {
        const sliced = type.name.endsWith('Connection') && ['edges', 'nodes'].includes(field.name);
        if (sliced || field.args.some((a) => a.name === 'first')) continue;
        if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type)))
          continue;
        const id = `${type.name}.${field.name}`;
        plain.push(id);
        if (!sizes.has(id)) unsized.push(id);
      }
    }
    expect(unsized, 'add @listSize(assumedSize: n) or make it a connection').toEqual([]);
    // The bounded plain lists, as the README names them.
    expect(plain.sort()).toEqual(
      [
        'Application.history',
        'Association.board',
        'Association.founders',
        'Association.history',
        'AssociationStatistics.byDomainAndStatus',
        'AssociationStatistics.subsidiesByYear',
        'Citizen.children',
        'EnrolPupilsPayload.results',
        'OneRosterExport.files',
        'Query.academicYears',
        'SchoolingStatistics.byCommune',
        'SchoolingStatistics.byGrade',
        'SchoolingStatistics.bySchool',
        'SchoolingStatistics.schoolsOverCapacity',
        'Citizen.civilActs',
        'CivilAct.marginalNotes',
        'CivilAct.persons',
        'HygieneRequest.history',
        'HygieneRequestTracking.steps',
        'HygieneStatistics.establishmentsByStanding',
        'HygieneStatistics.requestsByCategoryAndStatus',
        'Inspection.items',
        'Daira.communes',
        'ExtractVerification.disclosed',
        'CertificateRequest.history',
        'Query.certificateProcedures',
        'Query.citizensByNin',
        'Query.consultationsByWilaya',
        'Query.applicationStatistics',
        'Query.consultationStatistics',
        'Query.documentStatistics',
        'Query.procedures',
        'Query.processingTimes',
        'Query.wilayas',
        'Wilaya.adjacentWilayas',
        'Wilaya.dairas',
        'Asset.expenses',
        'Case.hearings',
        'Case.history',
        'DisputesFigures.appealDeadlinesSoon',
        'LeaseContract.cases',
        'LeaseContract.notices',
        'PatrimonyFigures.byAsset',
        'PatrimonyFigures.byCategory',
        // The contributors' slices of Citizen.history (@inaccessible: only the merge reads them).
        'Citizen.associationsHistory',
        'Citizen.casesHistory',
        'Citizen.documentsHistory',
        'Citizen.hygieneHistory',
        'Citizen.leasesHistory',
        'Citizen.vehiclesHistory',
      ].sort(),
    );
  });
});

describe('the README names every connection', () => {
  it('its list of cursor connections is exactly the supergraph’s', () => {
    const schema = buildASTSchema(parse(committed('supergraph')), { assumeValidSDL: true });
    const connections: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection'))
        continue;
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type).name.endsWith('Connection'))
          connections.push(`${type.name}.${field.name}`);
    }
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rule = readme.match(/a list that grows with use is a cursor connection[^:]*:([^;]+);/);
    expect(rule, 'the House rules paragraph of the README').not.toBeNull();
    // Root fields are named bare (`citizens`), others as Type.field.
    const named = [...rule![1]!.matchAll(/`([A-Za-z.]+)`/g)].map(([, n]) =>
      n!.includes('.') ? n! : `Query.${n}`,
    );
    expect(named.length).toBe(new Set(named).size);
    expect(named.sort()).toEqual(connections.sort());
  });
});
