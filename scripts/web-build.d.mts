/** Types for scripts/web-build.mjs (plain JS so that scripts/test.mjs can use it too). */
export declare const ROOT: string;
export declare const WEB_DIR: string;
export declare function webBuildInputs(): string[];
export declare function webBuildHash(): string;
export declare function webBuildReason(): string | null;
export declare function ensureWebBuilt(opts?: { force?: boolean; log?: (line: string) => void }): Promise<boolean>;
export declare function markWebBuilt(): import('vite').Plugin;
