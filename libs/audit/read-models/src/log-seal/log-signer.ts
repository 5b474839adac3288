import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Signs tree heads with Ed25519 (node:crypto). The key id is the SHA-256 of the public key, first 16 bytes, hex. */
export class LogSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 32);
  }

  /** The key in `file` (PKCS#8 PEM); created there, readable by the owner only, when missing. */
  static fromFile(file: string): LogSigner {
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      // Written aside, then linked in place (atomic, fails if present): of two processes
      // starting at once, one creates the key, and neither reads a half-written file.
      const aside = `${file}.${process.pid}.tmp`;
      writeFileSync(aside, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      chmodSync(aside, 0o600);
      try {
        linkSync(aside, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(aside);
      }
    }
    return new LogSigner(createPrivateKey(readFileSync(file)));
  }

  static generated(): LogSigner {
    return new LogSigner(generateKeyPairSync('ed25519').privateKey);
  }

  sign(message: string): Buffer {
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey);
  }
}

export function signatureValid(publicKeyPem: string, message: string, signature: Buffer): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
