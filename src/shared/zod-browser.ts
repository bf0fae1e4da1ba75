/**
 * Imported first by the web app: zod must not compile validators with `new Function` in the
 * browser. The app's CSP has no 'unsafe-eval', and even zod's guarded probe for it is
 * reported as a CSP violation. Each schema decides when it is built, and the bundler may
 * run zod and the contracts (one chunk) before any code of ours, so the setting goes where
 * zod reads it at load time — its global config — without importing zod here.
 */
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
