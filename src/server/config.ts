import path from 'node:path';

/** Everything the server reads from the environment, read once, with its default. */
export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Uploaded files: one directory every app node shares (default <data dir>/files). */
  filesDir: string;
  /** Minutes without a request after which a session ends. */
  idleTimeoutMinutes: number;
  /** Hours after sign-in after which a session ends whatever happens. */
  absoluteTimeoutHours: number;
  /** Use the Secure cookie flag (behind HTTPS). */
  secureCookies: boolean;
  /**
   * Reverse proxies in front of the server: a number of hops (0: none), or the proxies'
   * addresses/CIDRs. The client is the right-most X-Forwarded-For entry not trusted.
   */
  trustProxy: number | string;
  /** Create the demo county on an empty database: default on the embedded database only (CEDU_DEMO=1 / 0 decides). */
  demo?: boolean;
  demoPassword: string;
  /** Serve the built web app from here (absent in API-only tests). */
  webDir?: string;
  logLevel: string;
};

export const DEFAULT_DEMO_PASSWORD = 'Cedu@2026demo';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CEDU_DATA_DIR || 'data',
    filesDir: path.resolve(env.CEDU_FILES_DIR || path.join(env.CEDU_DATA_DIR || 'data', 'files')),
    idleTimeoutMinutes: int(env.CEDU_IDLE_TIMEOUT_MINUTES, 30),
    absoluteTimeoutHours: int(env.CEDU_SESSION_MAX_HOURS, 12),
    secureCookies: env.CEDU_SECURE_COOKIES === '1',
    trustProxy: env.CEDU_TRUST_PROXY ? hops(env.CEDU_TRUST_PROXY) : 0,
    demo: env.CEDU_NO_DEMO === '1' || env.CEDU_DEMO === '0' ? false : env.CEDU_DEMO === '1' ? true : undefined,
    demoPassword: env.CEDU_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    webDir: env.CEDU_WEB_DIR,
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}

function int(v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive whole number, got "${v}"`);
  return n;
}

function hops(v: string): number | string {
  if (/^\d+$/.test(v.trim()) && Number(v) <= 10) return Number(v);
  if (/^[\d.:a-fA-F/, ]+$/.test(v) && /[.:]/.test(v)) return v;
  throw new Error(
    `CEDU_TRUST_PROXY: expected the number of proxies in front of the server (0–10) or their addresses (10.0.0.2, 10.0.0.0/8), got "${v}"`,
  );
}
