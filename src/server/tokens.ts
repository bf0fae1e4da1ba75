import crypto from 'node:crypto';

// The cookie tokens of staff sessions, resident sessions and remembered phones: a fresh random
// token goes into the cookie, only its hash is stored.

/** Hex SHA-256 of a text: what is stored of a cookie's token. */
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A fresh random token (256 bits, base64url), for a cookie or a CSRF token. */
export const randomToken = () => crypto.randomBytes(32).toString('base64url');
