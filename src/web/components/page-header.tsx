import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Page title with its main actions; the actions wrap under the title on a phone. */
export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <div
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}
      >
        <Typography.Title level={3} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra && <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{extra}</div>}
      </div>
      {children}
    </div>
  );
}
