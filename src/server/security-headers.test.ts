import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/server-fixture';

/** The headers every answer carries: a page, an API answer, the API docs, an error. */
const s = useTestServer();

describe('security headers', () => {
  it('CSP without inline script or eval, no framing, same-origin referrer, nosniff — on answers, errors and the docs', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/nope', '/api/docs/static/index.html']) {
      const res = await s.app.inject({ method: 'GET', url });
      const h = res.headers;
      const csp = String(h['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toMatch(/script-src 'self';/);
      expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|upgrade-insecure-requests/);
      expect(h['x-frame-options'], url).toBe('DENY');
      expect(h['referrer-policy'], url).toBe('same-origin');
      expect(h['x-content-type-options'], url).toBe('nosniff');
      expect(h['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(h['x-powered-by']).toBeUndefined();
    }
  });
});
