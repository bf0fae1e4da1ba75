/** Types for scripts/pg-test-server.mjs. */
export type PgTestServer = {
  url: string;
  port: number;
  host: string;
  dataDir: string;
  version: string;
  stop(): Promise<void>;
};
export declare function findPgBin(): string | null;
export declare function freePort(): Promise<number>;
export declare function startPgTestServer(opts?: {
  log?: (line: string) => void;
  port?: number;
}): Promise<PgTestServer>;
