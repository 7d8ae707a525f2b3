import type { TenantCandidate, TenantPool } from './patrimony.js';

const NIN_BYTES = 18;

/**
 * NINs kept as 18 ASCII bytes each in one growing buffer: the patrimony draws its tenants
 * from every living adult of the run, and at a million citizens an array of strings and
 * objects for them would hold ~60 MB where this holds ~11.
 */
export class NinList implements TenantPool {
  private bytes = Buffer.alloc(NIN_BYTES * 1024);
  length = 0;

  push(nin: string): void {
    if ((this.length + 1) * NIN_BYTES > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    this.bytes.write(nin, this.length * NIN_BYTES, NIN_BYTES, 'latin1');
    this.length += 1;
  }

  at(index: number): TenantCandidate | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const start = index * NIN_BYTES;
    return { nin: this.bytes.toString('latin1', start, start + NIN_BYTES) };
  }
}
