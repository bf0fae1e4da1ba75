import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor';
import type { FilePurpose } from './files.contract';
import { canUploadFor, registerUploadPurpose, UPLOADER_ROLES } from './files.policy';

// The registry the owning modules fill from their index.ts (files may not ask them).
const actor = { userId: 'u', scopes: [{ role: 'inspector', nodeId: 'n', path: '/c/' }] } as unknown as Actor;

describe('upload purposes', () => {
  it('an unregistered purpose lets nobody upload', () => {
    expect(canUploadFor(actor, 'nobody_registered_this' as FilePurpose, { path: '/c/' })).toBe(false);
  });

  it('a registered purpose follows its owner’s rule, and its roles open the upload route', () => {
    const purpose = 'test_purpose' as FilePurpose;
    registerUploadPurpose(purpose, { roles: ['inspector'], canUpload: (_, node) => node.path === '/c/' });
    expect(canUploadFor(actor, purpose, { path: '/c/' })).toBe(true);
    expect(canUploadFor(actor, purpose, { path: '/d/' })).toBe(false);
    expect(UPLOADER_ROLES).toContain('inspector');
    expect(UPLOADER_ROLES.filter((r) => r === 'inspector')).toHaveLength(1);
    registerUploadPurpose(purpose, { roles: ['inspector'], canUpload: () => false });
    expect(UPLOADER_ROLES.filter((r) => r === 'inspector')).toHaveLength(1);
    expect(canUploadFor(actor, purpose, { path: '/c/' })).toBe(false);
  });
});
