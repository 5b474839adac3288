import fc from 'fast-check';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootOf,
  StreamingRoot,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle-tree';

// The reference leaves and roots of Certificate Transparency (RFC 6962 / 9162 share the hashing).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => leafHash(Buffer.from(hex, 'hex')),
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const hex = (hashes: readonly Hash[]) => hashes.map((hash) => hash.toString('hex'));
const root = (size: number) => Buffer.from(ROOTS[size], 'hex');

describe('RFC 9162 Merkle tree', () => {
  it('gives the reference roots for 0 to 8 leaves, recursively and in one streaming pass', () => {
    for (let size = 0; size <= 8; size += 1) {
      expect(rootOf(LEAVES.slice(0, size)).toString('hex')).toBe(ROOTS[size]);
      const streaming = new StreamingRoot();
      for (const leaf of LEAVES.slice(0, size)) streaming.push(leaf);
      expect(streaming.root().toString('hex')).toBe(ROOTS[size]);
    }
  });

  it('builds and verifies the reference inclusion and consistency proofs', () => {
    expect(hex(inclusionProof(5, LEAVES))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(verifyInclusion(5, 8, LEAVES[5], inclusionProof(5, LEAVES), root(8))).toBe(true);
    expect(hex(consistencyProof(3, LEAVES))).toEqual([
      '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
      '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(consistencyProof(2, LEAVES.slice(0, 5)))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
    expect(hex(consistencyProof(6, LEAVES))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(verifyConsistency(3, 8, root(3), root(8), consistencyProof(3, LEAVES))).toBe(true);
    expect(verifyConsistency(6, 8, root(6), root(8), consistencyProof(6, LEAVES))).toBe(true);
    expect(verifyConsistency(4, 8, root(4), root(8), consistencyProof(4, LEAVES))).toBe(true);
  });

  it('refuses proofs for another leaf, another root or a forged path', () => {
    const proof = inclusionProof(5, LEAVES);
    expect(verifyInclusion(4, 8, LEAVES[5], proof, root(8))).toBe(false);
    expect(verifyInclusion(5, 8, LEAVES[5], proof, root(7))).toBe(false);
    expect(verifyInclusion(5, 8, LEAVES[5], [proof[0], proof[2], proof[1]], root(8))).toBe(false);
    expect(verifyConsistency(3, 8, root(4), root(8), consistencyProof(3, LEAVES))).toBe(false);
    expect(verifyConsistency(3, 8, root(3), root(8), consistencyProof(3, LEAVES).slice(1))).toBe(false);
  });

  it('property: every leaf of every tree size proves its inclusion, every prefix its consistency', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 }),
        fc.nat(),
        fc.nat(),
        (raw, leafPick, sizePick) => {
          const leaves = raw.map((bytes) => leafHash(Buffer.from(bytes)));
          const rootHash = rootOf(leaves);
          const index = leafPick % leaves.length;
          expect(verifyInclusion(index, leaves.length, leaves[index], inclusionProof(index, leaves), rootHash)).toBe(
            true,
          );
          const m = 1 + (sizePick % leaves.length);
          expect(
            verifyConsistency(m, leaves.length, rootOf(leaves.slice(0, m)), rootHash, consistencyProof(m, leaves)),
          ).toBe(true);
          const streaming = new StreamingRoot();
          for (const leaf of leaves) streaming.push(leaf);
          expect(streaming.root().equals(rootHash)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
