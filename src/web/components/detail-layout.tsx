import type { ReactNode } from 'react';
import { Descriptions, Space, Timeline, Typography, type DescriptionsProps } from 'antd';

/**
 * The parts every detail drawer is made of (a user, a teacher, a resident, a course, an
 * activity), so that they all look alike: the body, its row of actions, its fields, its
 * titled sections, a history.
 */

/** The drawer's body: its parts one under the other. */
export function DetailBody({ gap = 20, children }: { gap?: number; children: ReactNode }) {
  return (
    <Space orientation="vertical" size={gap} style={{ width: '100%' }}>
      {children}
    </Space>
  );
}

/** The buttons of what the user may do with the thing, wrapping on a phone. */
export function DetailActions({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{children}</div>;
}

/** The thing's fields, a label and a value a row. */
export function DetailFields({ items, labelWidth }: { items: DescriptionsProps['items']; labelWidth?: number }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={labelWidth ? { label: { width: labelWidth } } : undefined}
      items={items}
    />
  );
}

/** A titled part below the fields (roles, materials, a history). */
export function DetailSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div>
      <Typography.Title level={5} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

export type HistoryEntry = { key: string; color: string; what: ReactNode; by: ReactNode };

/** What happened to the thing: each entry, then who and when in small grey type. */
export function DetailHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <Timeline
      items={entries.map((e) => ({
        key: e.key,
        color: e.color,
        content: (
          <div>
            <div>{e.what}</div>
            <div style={{ color: '#50635a', fontSize: 13 }}>{e.by}</div>
          </div>
        ),
      }))}
    />
  );
}
