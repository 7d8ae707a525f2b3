import { generateKeyPair } from 'jose';
import { createInternalSigner } from '../../gateway/internal-token.js';
import type { Principal } from '../../schema/principal.js';
import { verifyInternalToken } from '../../subgraphs/kit/internal-token.js';

/** npx tsx bench/micro/sign.ts — what signing (gateway) and verifying (subgraph) one internal token costs. */
const { privateKey, publicKey } = await generateKeyPair('EdDSA');
const sign = createInternalSigner(privateKey, 'k1');
const claims = {
  principal: {
    kind: 'ministry',
    sub: 'client:x',
    clientId: 'x',
    ministry: 'INTERIOR',
  } as Principal,
  purpose: 'CIVIL_STATUS_ADMINISTRATION',
  rid: 'abc',
  named: ['123456789012345678'],
};
for (let i = 0; i < 500; i++) await sign('citizens', claims);
const N = 3000;
let t = performance.now();
let token = '';
for (let i = 0; i < N; i++) token = await sign('citizens', claims);
console.log(`sign: ${((performance.now() - t) / N).toFixed(3)} ms per token`);
t = performance.now();
for (let i = 0; i < N; i++) await verifyInternalToken(`Bearer ${token}`, publicKey, 'citizens');
console.log(`verify: ${((performance.now() - t) / N).toFixed(3)} ms per token`);
