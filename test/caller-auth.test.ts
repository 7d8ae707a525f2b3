import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCallerAuth } from '../gateway/caller-auth.js';
import { CALLER_ALG, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../scripts/local-keys.js';
import { mintCallerToken } from '../scripts/local-tokens.js';

/**
 * The gateway keeps a caller token that verified, so a client's every request does not pay
 * for the same signature check again; what it keeps must never let a token through that
 * would not verify now.
 */
describe("the gateway's check of caller tokens", () => {
  const setup = async () => {
    const { privateKey, publicKey } = await generateKeyPair(CALLER_ALG);
    const authenticate = createCallerAuth({
      key: publicKey,
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    });
    const mint = (ttlSeconds = 600, ministry = 'INTERIOR') =>
      mintCallerToken(privateKey, { kind: 'ministry', ministry }, { ttlSeconds });
    return { authenticate, mint };
  };

  it('checks a token once for many requests, and each other token on its own', async () => {
    const { authenticate, mint } = await setup();
    const token = await mint();
    const principals = await Promise.all(
      Array.from({ length: 20 }, () => authenticate(`Bearer ${token}`)),
    );
    // Concurrent first requests may each check it; the ones after are served from memory.
    const first = authenticate.stats.verifications;
    for (let i = 0; i < 30; i++) await authenticate(`Bearer ${token}`);
    expect(authenticate.stats.verifications).toBe(first);
    expect(first).toBeLessThanOrEqual(20);
    expect(principals.every((p) => p.kind === 'ministry' && p.ministry === 'INTERIOR')).toBe(true);

    const other = await mint(600, 'HEALTH');
    expect(await authenticate(`Bearer ${other}`)).toMatchObject({ ministry: 'HEALTH' });
    expect(authenticate.stats.verifications).toBe(first + 1);
  });

  it('never keeps a refused token: a forged signature is refused every time, checked every time', async () => {
    const { authenticate, mint } = await setup();
    const token = await mint();
    await authenticate(`Bearer ${token}`);
    const [head, body, signature] = token.split('.') as [string, string, string];
    const flipped = signature[5] === 'A' ? 'B' : 'A';
    const forged = `${head}.${body}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`;
    const before = authenticate.stats.verifications;
    for (let i = 0; i < 3; i++)
      await expect(authenticate(`Bearer ${forged}`)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    expect(authenticate.stats.verifications).toBe(before + 3);
  });

  it('checks a token again once it is past its own expiry', async () => {
    const { authenticate, mint } = await setup();
    const token = await mint(2);
    await authenticate(`Bearer ${token}`);
    await authenticate(`Bearer ${token}`);
    expect(authenticate.stats.verifications).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // Past exp, the signature is checked again (the issuer's 30 s of clock skew still apply).
    await authenticate(`Bearer ${token}`);
    expect(authenticate.stats.verifications).toBe(2);
  });
});
