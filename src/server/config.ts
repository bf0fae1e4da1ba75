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
  /** Trust X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
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
    trustProxy: env.CEDU_TRUST_PROXY === '1',
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
