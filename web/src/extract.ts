/**
 * An SD-JWT presentation keeps the issuer-signed JWT and only the disclosures the holder
 * chooses (RFC 9901): `jwt~disclosure~…~`. Each disclosure is base64url JSON
 * [salt, name, value]; leaving one out hides that field, and the signature still holds.
 */
export interface Disclosure {
  encoded: string;
  name: string;
  value: unknown;
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function disclosuresOf(credential: string): Disclosure[] {
  const [, ...rest] = credential.split('~');
  return rest.filter(Boolean).map((encoded) => {
    const [, name, value] = JSON.parse(fromBase64Url(encoded)) as [string, string, unknown];
    return { encoded, name, value };
  });
}

export function present(credential: string, fields: ReadonlySet<string>): string {
  const jwt = credential.split('~')[0]!;
  const kept = disclosuresOf(credential).filter((d) => fields.has(d.name));
  return `${[jwt, ...kept.map((d) => d.encoded)].join('~')}~`;
}
