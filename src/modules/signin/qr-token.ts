/**
 * Signed sign-in tokens carried by the QR codes. A token names the activity, when it starts
 * and stops being valid, and a MAC over those with a key derived from the server secret, so
 * it cannot be forged or stretched. On screen a new token is cut every 30 s and lives one
 * window more (a scan as the code changes still works), so a photo shared in a chat fails
 * within a minute. A printed sheet's token is valid only during the activity (± 30 minutes).
 */
export type QrKind = 'screen' | 'sheet';
export type QrClaims = { kind: QrKind; activityId: string; notBefore: number; expiresAt: number };
/** A keyed MAC of a string, hex (app.protector.digest). */
export type Signer = (payload: string) => string;

export const QR_WINDOW_SECONDS = 30;
export const SHEET_MARGIN_MINUTES = 30;

const KIND_CODE: Record<QrKind, string> = { screen: 'q', sheet: 's' };
const CODE_KIND: Record<string, QrKind> = { q: 'screen', s: 'sheet' };

const mac = (sign: Signer, body: string) => Buffer.from(sign(`signin-qr:v1:${body}`).slice(0, 32), 'hex').toString('base64url');

function encode(sign: Signer, c: QrClaims): string {
  const body = [KIND_CODE[c.kind], c.activityId.replaceAll('-', ''), c.notBefore.toString(36), c.expiresAt.toString(36)].join('.');
  return `${body}.${mac(sign, body)}`;
}

/** The on-screen token of the current 30-second window. Times are Unix seconds. */
export function screenToken(sign: Signer, activityId: string, nowMs = Date.now()) {
  const start = Math.floor(nowMs / 1000 / QR_WINDOW_SECONDS) * QR_WINDOW_SECONDS;
  const claims: QrClaims = { kind: 'screen', activityId, notBefore: start, expiresAt: start + 2 * QR_WINDOW_SECONDS };
  return { token: encode(sign, claims), ...claims, nextAt: start + QR_WINDOW_SECONDS };
}

/** The printed sheet's token: valid from 30 minutes before the start to 30 minutes after the end. */
export function sheetToken(sign: Signer, activity: { id: string; startsAt: Date; endsAt: Date }) {
  const margin = SHEET_MARGIN_MINUTES * 60;
  const claims: QrClaims = {
    kind: 'sheet', activityId: activity.id,
    notBefore: Math.floor(activity.startsAt.getTime() / 1000) - margin,
    expiresAt: Math.floor(activity.endsAt.getTime() / 1000) + margin,
  };
  return { token: encode(sign, claims), ...claims };
}

const UUID = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

/**
 * Checks a token: 'forged' when it is malformed or its MAC does not match, 'early' or
 * 'expired' when it is genuine but outside its time, else its claims.
 */
export function verifyQrToken(sign: Signer, token: string, nowMs = Date.now()): QrClaims | 'forged' | 'early' | 'expired' {
  const parts = token.split('.');
  if (parts.length !== 5 || token.length > 120) return 'forged';
  const [k, id, nbf, exp, sent] = parts;
  const kind = CODE_KIND[k];
  const m = UUID.exec(id);
  if (!kind || !m || !/^[0-9a-z]{1,10}$/.test(nbf) || !/^[0-9a-z]{1,10}$/.test(exp)) return 'forged';
  const expected = mac(sign, parts.slice(0, 4).join('.'));
  if (sent.length !== expected.length || !timingSafeEqualStr(sent, expected)) return 'forged';
  const claims: QrClaims = { kind, activityId: m.slice(1).join('-'), notBefore: parseInt(nbf, 36), expiresAt: parseInt(exp, 36) };
  const now = nowMs / 1000;
  if (now < claims.notBefore) return 'early';
  if (now >= claims.expiresAt) return 'expired';
  return claims;
}

function timingSafeEqualStr(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
