import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('CEDU_TRUST_PROXY', () => {
  it('is a number of hops or the proxies’ addresses, never “trust everything”', () => {
    expect(readConfig({}).trustProxy).toBe(0);
    expect(readConfig({ CEDU_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ CEDU_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ CEDU_TRUST_PROXY: '10.0.0.2, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.2, 10.1.0.0/16');
    expect(() => readConfig({ CEDU_TRUST_PROXY: 'true' })).toThrow(/CEDU_TRUST_PROXY/);
  });
});

describe('CEDU_DEMO', () => {
  it('is undecided by default (the database kind decides), 1 asks, 0 or CEDU_NO_DEMO=1 refuses', () => {
    expect(readConfig({}).demo).toBeUndefined();
    expect(readConfig({ CEDU_DEMO: '1' }).demo).toBe(true);
    expect(readConfig({ CEDU_DEMO: '0' }).demo).toBe(false);
    expect(readConfig({ CEDU_NO_DEMO: '1' }).demo).toBe(false);
  });
});
