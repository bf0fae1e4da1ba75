import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Protection of personal data at rest (ID numbers): AES-256-GCM for the value, HMAC-SHA256
 * for equality (uniqueness, exact lookup) without decrypting. The 32-byte key comes from
 * CEDU_SECRET_KEY (base64) or from `<data dir>/secret.key`, created on first start (mode
 * 0600). Back it up with the database: without it the stored ID numbers cannot be read.
 */
export type Protector = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  digest(plain: string): string;
};

export function loadSecretKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.CEDU_SECRET_KEY) {
    const key = Buffer.from(env.CEDU_SECRET_KEY, 'base64');
    if (key.length !== 32)
      throw new Error('CEDU_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const file = path.resolve(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

export function createProtector(key: Buffer): Protector {
  const encKey = crypto.createHmac('sha256', key).update('cedu-encrypt').digest();
  const macKey = crypto.createHmac('sha256', key).update('cedu-digest').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown protected value format');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    digest(plain) {
      return crypto.createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}
