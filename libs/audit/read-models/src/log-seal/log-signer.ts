import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Signs tree heads with Ed25519 (node:crypto). The key id is the SHA-256 of the public key, first 16 bytes, hex. */
export class LogSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = publicKeyId(publicKey);
  }

  /**
   * The key in `file` (PKCS#8 PEM); created there, readable by the owner only, when missing. A key file that
   * group or others may read or write is refused: another local account could sign heads with it, or swap it.
   */
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
    assertOwnerOnly(file);
    return new LogSigner(createPrivateKey(readFileSync(file)));
  }

  /**
   * Replaces the key in `file` with a new one (written aside, mode 600, then renamed over it, so the file always
   * holds one whole key) and returns the new signer. The caller records the old public key first.
   */
  static replaceFile(file: string): LogSigner {
    const { privateKey } = generateKeyPairSync('ed25519');
    const aside = `${file}.${process.pid}.rotating`;
    writeFileSync(aside, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(aside, 0o600);
    renameSync(aside, file);
    return new LogSigner(privateKey);
  }

  static generated(): LogSigner {
    return new LogSigner(generateKeyPairSync('ed25519').privateKey);
  }

  sign(message: string): Buffer {
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey);
  }
}

/** The key id of an Ed25519 public key (PEM or key object): SHA-256 of its SPKI DER, first 16 bytes, hex. */
export function publicKeyId(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 32);
}

function assertOwnerOnly(file: string): void {
  // POSIX permission bits mean nothing on Windows, where access is governed by ACLs.
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} is open to group or others (mode ${mode.toString(8).padStart(3, '0')}): another account could sign heads with it; restrict it with \`chmod 600 ${file}\``,
    );
  }
}

export function signatureValid(publicKeyPem: string, message: string, signature: Buffer): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
