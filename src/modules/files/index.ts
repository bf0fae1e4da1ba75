// The files module's public surface: what other modules may use (docs/ARCHITECTURE.md, "Module map").
// Files sits below courses, activities and sign-in: each registers who may upload for its purpose
// (registerUploadPurpose, from its own index.ts) and attaches files through these functions.
export { canUploadFor, registerUploadPurpose, type UploadRule } from './files.policy';
export {
  fileFacts,
  filesByIds,
  loadReadableFiles,
  readStoredFile,
  toStoredFile,
  type StoredFileRow,
} from './files.service';
export { safeHeaders, sendAttachment } from './files.http';
export { pruneUnattachedFiles } from './files.prune';

// Its routes, registered by src/server/modules.ts.
export { fileRoutes } from './files.routes';
