import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenToken, sheetToken, verifyQrToken } from './qr-token';

const key = crypto.randomBytes(32);
const sign = (s: string) => crypto.createHmac('sha256', key).update(s).digest('hex');
const other = (s: string) => crypto.createHmac('sha256', crypto.randomBytes(32)).update(s).digest('hex');
const id = crypto.randomUUID();

describe('QR tokens', () => {
  it('a screen token is valid in its window and the next, then refused as expired', () => {
    const t0 = Date.UTC(2026, 10, 22, 8, 0, 5);
    const t = screenToken(sign, id, t0);
    expect(verifyQrToken(sign, t.token, t0)).toMatchObject({ kind: 'screen', activityId: id });
    expect(verifyQrToken(sign, t.token, t0 + 50_000)).toMatchObject({ activityId: id });
    expect(verifyQrToken(sign, t.token, t0 + 60_000)).toBe('expired');
    expect(screenToken(sign, id, t0 + 30_000).token).not.toBe(t.token);
  });

  it('a forged or altered token is refused', () => {
    const now = Date.now();
    const t = screenToken(sign, id, now).token;
    expect(verifyQrToken(other, t, now)).toBe('forged');
    const parts = t.split('.');
    const stretched = [parts[0], parts[1], parts[2], (parseInt(parts[3], 36) + 3600).toString(36), parts[4]].join('.');
    expect(verifyQrToken(sign, stretched, now)).toBe('forged');
    const otherActivity = [parts[0], crypto.randomUUID().replaceAll('-', ''), ...parts.slice(2)].join('.');
    expect(verifyQrToken(sign, otherActivity, now)).toBe('forged');
    expect(verifyQrToken(sign, 'garbage', now)).toBe('forged');
    expect(verifyQrToken(sign, `s${t.slice(1)}`, now)).toBe('forged');
  });

  it('a sheet token is valid only from 30 minutes before the start to 30 minutes after the end', () => {
    const startsAt = new Date(Date.UTC(2026, 10, 22, 9));
    const endsAt = new Date(Date.UTC(2026, 10, 22, 11));
    const t = sheetToken(sign, { id, startsAt, endsAt }).token;
    expect(verifyQrToken(sign, t, startsAt.getTime() - 31 * 60_000)).toBe('early');
    expect(verifyQrToken(sign, t, startsAt.getTime() - 29 * 60_000)).toMatchObject({ kind: 'sheet' });
    expect(verifyQrToken(sign, t, endsAt.getTime() + 29 * 60_000)).toMatchObject({ kind: 'sheet' });
    expect(verifyQrToken(sign, t, endsAt.getTime() + 31 * 60_000)).toBe('expired');
  });
});
