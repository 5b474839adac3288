import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Signs tree heads with Ed25519 (node:crypto). The key id is the SHA-256 of the public key, first 16 bytes, hex. */
export class LogSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
  }

  /** The key in `file` (PKCS#8 PEM); created there, readable by the owner only, when missing. */
  static fromFile(file: string): LogSigner {
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      chmodSync(file, 0o600);
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
