/**
 * Checks a digital birth extract offline, as a bank or a consulate would: with the
 * registry's published keys and a status list fetched earlier (both public, no account).
 *
 *   npx tsx docs/verify-extract.ts <presentation> <jwks.json> <status-list.jwt>
 *
 * Fetch the two files once and cache them (the list says in `ttl` when to refresh), from
 * the gateway's plain URLs or through the graph:
 *   GET /.well-known/jwks.json  or  { extractIssuerKeys }            → jwks.json
 *   GET /extracts/status/0      or  { extractStatusList(list: 0) }   → status-list.jwt
 */
import { readFileSync } from 'node:fs';
import { verifyPresentation } from '../subgraphs/citizens/extract.js';

const [presentation, jwksFile, statusFile] = process.argv.slice(2);
if (!presentation || !jwksFile || !statusFile) {
  console.error('usage: verify-extract.ts <presentation> <jwks.json> <status-list.jwt>');
  process.exit(2);
}
const jwks = JSON.parse(readFileSync(jwksFile, 'utf8')) as { keys: object[] };
const statusList = readFileSync(statusFile, 'utf8').trim();
const { verdict, claims } = await verifyPresentation(presentation, jwks, async () => statusList);
console.log(JSON.stringify({ verdict, claims }, null, 2));
process.exit(verdict === 'VALID' ? 0 : 1);
