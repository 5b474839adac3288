import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1:
 * leaf and interior nodes are hashed with distinct one-byte prefixes, so a
 * leaf can never pass for a node; inclusion and consistency proofs and their
 * verification follow sections 2.1.3 and 2.1.4 step by step.
 */
export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const leafHash = (leaf: Buffer): Hash => sha256(LEAF_PREFIX, leaf);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);
export const emptyTreeHash = (): Hash => sha256();

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes (already leaf-hashed), recursively as defined. */
export function rootOf(leafHashes: readonly Hash[]): Hash {
  if (leafHashes.length === 0) return emptyTreeHash();
  if (leafHashes.length === 1) return leafHashes[0];
  const k = split(leafHashes.length);
  return nodeHash(rootOf(leafHashes.slice(0, k)), rootOf(leafHashes.slice(k)));
}

/**
 * The same root computed in one pass with O(log n) memory: leaf hashes are
 * pushed on a stack of perfect subtrees, merged as they pair up, and the
 * remainder is folded right to left, which is the shape MTH defines.
 */
export class StreamingRoot {
  private readonly stack: { hash: Hash; size: number }[] = [];
  private count = 0;

  push(hash: Hash): void {
    let entry = { hash, size: 1 };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === entry.size) {
      const left = this.stack.pop()!;
      entry = { hash: nodeHash(left.hash, entry.hash), size: left.size * 2 };
    }
    this.stack.push(entry);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  root(): Hash {
    if (this.stack.length === 0) return emptyTreeHash();
    let hash = this.stack[this.stack.length - 1].hash;
    for (let index = this.stack.length - 2; index >= 0; index -= 1) hash = nodeHash(this.stack[index].hash, hash);
    return hash;
  }
}

/** PATH(m, D[n]): the audit path of leaf m (RFC 9162 2.1.3.1). */
export function inclusionProof(index: number, leafHashes: readonly Hash[]): Hash[] {
  const n = leafHashes.length;
  if (index < 0 || index >= n) throw new RangeError(`leaf ${index} is not in a tree of ${n}`);
  if (n === 1) return [];
  const k = split(n);
  return index < k
    ? [...inclusionProof(index, leafHashes.slice(0, k)), rootOf(leafHashes.slice(k))]
    : [...inclusionProof(index - k, leafHashes.slice(k)), rootOf(leafHashes.slice(0, k))];
}

/** PROOF(m, D[n]): consistency of the first m leaves with all n (RFC 9162 2.1.4.1). */
export function consistencyProof(m: number, leafHashes: readonly Hash[]): Hash[] {
  const n = leafHashes.length;
  if (m < 1 || m > n) throw new RangeError(`no consistency proof from size ${m} to ${n}`);
  const subproof = (size: number, leaves: readonly Hash[], complete: boolean): Hash[] => {
    const total = leaves.length;
    if (size === total) return complete ? [] : [rootOf(leaves)];
    const k = split(total);
    return size <= k
      ? [...subproof(size, leaves.slice(0, k), complete), rootOf(leaves.slice(k))]
      : [...subproof(size - k, leaves.slice(k), false), rootOf(leaves.slice(0, k))];
  };
  return subproof(m, leafHashes, true);
}

/** RFC 9162 2.1.3.2. */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leaf: Hash,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2. */
export function verifyConsistency(
  firstSize: number,
  secondSize: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: readonly Hash[],
): boolean {
  if (firstSize > secondSize) return false;
  if (firstSize === secondSize) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (firstSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : [...proof];
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;
