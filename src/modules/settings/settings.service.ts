import { cacheBusOf } from '../../server/cache-bus';
import type { Db } from '../../server/db/client';
import { forbidden } from '../../shared/app-error';
import { recordAudit, diffFields } from '../../server/audit';
import type { Settings } from './settings.contract';
import { settings } from './settings.table';
import { canChangeSettings } from './settings.policy';
import type { Ctx } from '../../server/types';

/**
 * Settings are few and read on every request, so they are cached per database handle and
 * refreshed when changed (a `settings` message on the cache bus, from any app node).
 */
const cache = new WeakMap<object, Settings>();
let defaults: Settings = { passwordMaxAgeDays: 0, idleTimeoutMinutes: 30 };

export function setSettingDefaults(d: Partial<Settings>): void {
  defaults = { ...defaults, ...d };
}

export async function getSettings(db: Db): Promise<Settings> {
  const hit = cache.get(db);
  if (hit) return hit;
  const bus = cacheBusOf(db);
  bus.on('settings', (m) => (m === 'settings' || m === '*') && cache.delete(db));
  const generation = bus.generation;
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const value = { ...defaults, ...stored } as Settings;
  if (bus.keeps(generation)) cache.set(db, value);
  return value;
}

export async function updateSettings({ db, actor, input }: Ctx & { input: Settings }): Promise<Settings> {
  if (!canChangeSettings(actor)) throw forbidden();
  const before = await getSettings(db);
  await db.transaction(async (tx) => {
    for (const [key, value] of Object.entries(input)) {
      await tx
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    }
    await recordAudit(tx, {
      actor,
      action: 'settings.update',
      entityType: 'settings',
      summary: diffFields(before, input),
    });
  });
  cache.delete(db);
  return getSettings(db);
}
