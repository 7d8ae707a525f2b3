import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaSdl, composeSupergraph } from '../schema/compose.js';

/** Writes schema/<subgraph>.graphql, schema/supergraph.graphql and the public schema/api.graphql. */
const schemaDir = new URL('../schema/', import.meta.url).pathname;
const { subgraphSdls, supergraphSdl } = await composeSupergraph();
for (const [name, sdl] of Object.entries(subgraphSdls)) {
  writeFileSync(join(schemaDir, `${name}.graphql`), sdl.endsWith('\n') ? sdl : `${sdl}\n`);
  console.log(`wrote schema/${name}.graphql`);
}
writeFileSync(
  join(schemaDir, 'supergraph.graphql'),
  supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`,
);
console.log('wrote schema/supergraph.graphql');
writeFileSync(join(schemaDir, 'api.graphql'), apiSchemaSdl(supergraphSdl));
console.log('wrote schema/api.graphql');
