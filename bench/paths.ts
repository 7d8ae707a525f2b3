import { fileURLToPath } from 'node:url';

export const SUPERGRAPH_SDL_FILE = fileURLToPath(
  new URL('../schema/supergraph.graphql', import.meta.url),
);
