import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What the server's secret key (MUSTER_SECRET_KEY) protects.
 * - `seal`/`open`: secrets Muster must read back (a TOTP secret), so a copy of the database alone
 *   does not let anyone generate an admin's codes. AES-256-GCM: tampering is detected.
 * - `mac`: secrets Muster only compares (backup codes), hashed with a key, so a stolen database
 *   cannot be searched offline for them.
 * Each use gets its own key, derived from the one secret with HKDF.
 */
export interface Secrets {
  seal(plaintext: string): string;
  open(sealed: string): string;
  mac(value: string): string;
}

const VERSION = 'v1';

export function createSecrets(masterKey: Buffer): Secrets {
  if (masterKey.length !== 32) throw new Error('The secret key must be 32 bytes.');
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `muster:${purpose}`, 32));
  const sealKey = derive('seal');
  const macKey = derive('mac');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('This sealed value is not one Muster wrote.');
      const bytes = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
    mac: (value) => createHmac('sha256', macKey).update(value, 'utf8').digest('hex'),
  };
}
