import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { fileStoreDir } from './files.storage';

describe('where uploaded files live', () => {
  it('CEDU_FILES_DIR, by default <data dir>/files, always absolute', () => {
    expect(readConfig({ CEDU_DATA_DIR: '/srv/cedu' }).filesDir).toBe('/srv/cedu/files');
    expect(readConfig({}).filesDir).toBe(path.resolve('data/files'));
    expect(readConfig({ CEDU_DATA_DIR: '/srv/cedu', CEDU_FILES_DIR: 'shared/files' }).filesDir).toBe(
      path.resolve('shared/files'),
    );
  });

  it('is refused inside the web root, and accepted beside it', () => {
    expect(() => fileStoreDir({ filesDir: '/srv/web/uploads', webDir: '/srv/web' })).toThrow(
      /must not be inside the web root/,
    );
    expect(() => fileStoreDir({ filesDir: '/srv/web', webDir: '/srv/web/' })).toThrow(
      /must not be inside the web root/,
    );
    expect(fileStoreDir({ filesDir: '/srv/web-files', webDir: '/srv/web' })).toBe('/srv/web-files');
    expect(fileStoreDir({ filesDir: '/srv/files' })).toBe('/srv/files');
  });
});
