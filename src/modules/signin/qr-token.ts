/**
 * Signed sign-in tokens carried by the QR codes. A token names the activity, when it starts
 * and stops being valid, and a MAC over those with a key derived from the server secret, so
 * it cannot be forged or stretched. On screen a new token is cut every 30 s and lives one
 * window more (a scan as the code changes still works), so a photo shared in a chat fails
 * within a minute. A printed sheet's token carries the activity's sign-in window as it was
 * when printed; the window in force at the scan is what decides (signin-window.ts).
 *
 * A scan inside its time is exchanged for a grace ticket: the activity, an expiry five minutes
 * on, and a MAC that also covers the phone's device id, so the person has time to type phone
 * and name, and the ticket is worth nothing on another phone.
 */
export type QrKind = 'screen' | 'sheet';
export type QrClaims = { kind: QrKind; activityId: string; notBefore: number; expiresAt: number };
/** A keyed MAC of a string, hex (app.protector.digest). */
export type Signer = (payload: string) => string;

export const QR_WINDOW_SECONDS = 30;
export const SHEET_MARGIN_MINUTES = 30;

const KIND_CODE: Record<QrKind, string> = { screen: 'q', sheet: 's' };
const CODE_KIND: Record<string, QrKind> = { q: 'screen', s: 'sheet' };

const mac = (sign: Signer, body: string) =>
  Buffer.from(sign(`signin-qr:v1:${body}`).slice(0, 32), 'hex').toString('base64url');

function encode(sign: Signer, c: QrClaims): string {
  const body = [
    KIND_CODE[c.kind],
    c.activityId.replaceAll('-', ''),
    c.notBefore.toString(36),
    c.expiresAt.toString(36),
  ].join('.');
  return `${body}.${mac(sign, body)}`;
}

/** The on-screen token of the current 30-second window. Times are Unix seconds. */
export function screenToken(sign: Signer, activityId: string, nowMs = Date.now()) {
  const start = Math.floor(nowMs / 1000 / QR_WINDOW_SECONDS) * QR_WINDOW_SECONDS;
  const claims: QrClaims = { kind: 'screen', activityId, notBefore: start, expiresAt: start + 2 * QR_WINDOW_SECONDS };
  return { token: encode(sign, claims), ...claims, nextAt: start + QR_WINDOW_SECONDS };
}

/** The printed sheet's token: valid from `before` minutes before the start to `after` minutes after the end. */
export function sheetToken(
  sign: Signer,
  activity: { id: string; startsAt: Date; endsAt: Date },
  margins = { before: SHEET_MARGIN_MINUTES, after: SHEET_MARGIN_MINUTES },
) {
  const claims: QrClaims = {
    kind: 'sheet',
    activityId: activity.id,
    notBefore: Math.floor(activity.startsAt.getTime() / 1000) - margins.before * 60,
    expiresAt: Math.floor(activity.endsAt.getTime() / 1000) + margins.after * 60,
  };
  return { token: encode(sign, claims), ...claims };
}

const UUID = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

const uuidOf = (hex: string) => UUID.exec(hex)?.slice(1).join('-') ?? null;

/** A genuine token's claims whatever the time, or 'forged' (malformed, or the MAC does not match). */
export function readQrToken(sign: Signer, token: string): QrClaims | 'forged' {
  const parts = token.split('.');
  if (parts.length !== 5 || token.length > 120) return 'forged';
  const [k, id, nbf, exp, sent] = parts;
  const kind = CODE_KIND[k];
  const activityId = uuidOf(id);
  if (!kind || !activityId || !/^[0-9a-z]{1,10}$/.test(nbf) || !/^[0-9a-z]{1,10}$/.test(exp)) return 'forged';
  const expected = mac(sign, parts.slice(0, 4).join('.'));
  if (sent.length !== expected.length || !timingSafeEqualStr(sent, expected)) return 'forged';
  return { kind, activityId, notBefore: parseInt(nbf, 36), expiresAt: parseInt(exp, 36) };
}

/**
 * Checks a token: 'forged' when it is malformed or its MAC does not match, 'early' or
 * 'expired' when it is genuine but outside its time, else its claims.
 */
export function verifyQrToken(
  sign: Signer,
  token: string,
  nowMs = Date.now(),
): QrClaims | 'forged' | 'early' | 'expired' {
  const claims = readQrToken(sign, token);
  if (claims === 'forged') return claims;
  const now = nowMs / 1000;
  if (now < claims.notBefore) return 'early';
  if (now >= claims.expiresAt) return 'expired';
  return claims;
}

const ticketMac = (sign: Signer, body: string, deviceId: string) =>
  Buffer.from(sign(`signin-ticket:v1:${body}:${deviceId}`).slice(0, 32), 'hex').toString('base64url');

/** A grace ticket for this activity and phone, valid `seconds` from now. */
export function graceTicket(sign: Signer, activityId: string, deviceId: string, seconds: number, nowMs = Date.now()) {
  const expiresAt = Math.floor(nowMs / 1000) + seconds;
  const body = `${activityId.replaceAll('-', '')}.${expiresAt.toString(36)}`;
  return { ticket: `${body}.${ticketMac(sign, body, deviceId)}`, expiresAt };
}

/**
 * Checks a grace ticket for an activity and phone: 'invalid' when malformed, for another
 * activity or made on another phone; 'expired' when genuine but past its time.
 */
export function verifyGraceTicket(
  sign: Signer,
  ticket: string,
  activityId: string,
  deviceId: string,
  nowMs = Date.now(),
): 'ok' | 'invalid' | 'expired' {
  const parts = ticket.split('.');
  if (parts.length !== 3 || !/^[0-9a-z]{1,10}$/.test(parts[1]) || uuidOf(parts[0]) !== activityId) return 'invalid';
  const expected = ticketMac(sign, `${parts[0]}.${parts[1]}`, deviceId);
  if (parts[2].length !== expected.length || !timingSafeEqualStr(parts[2], expected)) return 'invalid';
  return nowMs / 1000 < parseInt(parts[1], 36) ? 'ok' : 'expired';
}

function timingSafeEqualStr(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
