/** Types for scripts/check-modules.mjs (plain JS so that scripts/test.mjs can run it). */
export type ModulePath = { module: string; inner: string };
export type WrittenImport = { spec: string; line: number; typeOnly: boolean };
export type CrossModuleImport = WrittenImport & { file: string; target: string; from: ModulePath; to: ModulePath };
export type PrivateImport = CrossModuleImport & { reason: string };
export type ModuleCycle = { modules: string[]; via: CrossModuleImport[] };
export type ModuleCheck = {
  modules: string[];
  imports: CrossModuleImport[];
  privateImports: PrivateImport[];
  cycles: ModuleCycle[];
  handedOut: TableHandedOut[];
  treeWrites: TreeWrite[];
};
/** An index.ts re-exporting a value of its own table. */
export type TableHandedOut = { file: string; line: number; name: string };
/** An insert, update or delete of org_nodes outside the organisations module. */
export type TreeWrite = { file: string; line: number; text: string };
export declare function tablesHandedOut(root: string): TableHandedOut[];
export declare function treeWrites(root: string): TreeWrite[];
export declare function failures(result: ModuleCheck): number;
export declare function isExempt(rel: string): boolean;
export declare function moduleOf(rel: string): ModulePath | null;
export declare function importsOf(text: string, fileName?: string): WrittenImport[];
export declare function resolveImport(root: string, fromRel: string, spec: string): string | null;
export declare function privateReason(from: ModulePath, to: ModulePath, typeOnly: boolean): string | null;
export declare function listModules(root: string): string[];
export declare function crossModuleImports(root: string): CrossModuleImport[];
export declare function findCycles(imports: CrossModuleImport[]): ModuleCycle[];
export declare function checkModules(root: string): ModuleCheck;
export declare function formatReport(result: ModuleCheck): string[];
