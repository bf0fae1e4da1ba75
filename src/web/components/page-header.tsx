import type { ReactNode } from 'react';
import { Button, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';

/**
 * Page title with its main actions; the actions wrap under the title on a phone. `help`: a
 * line under the title saying what the page is for.
 */
export function PageHeader({
  title,
  extra,
  help,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  help?: ReactNode;
  children?: ReactNode;
}) {
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
      {help && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {help}
        </Typography.Paragraph>
      )}
      {children}
    </div>
  );
}

/** A page's main action, adding a row (opens its create form): primary, with a plus. */
export function NewButton({ onClick, size, children }: Pick<ButtonProps, 'onClick' | 'size' | 'children'>) {
  return (
    <Button type="primary" size={size} icon={<PlusOutlined />} onClick={onClick}>
      {children}
    </Button>
  );
}

/** A header button that goes to another screen (a related list, or back to the list it belongs to). */
export function NavButton({ to, icon, text }: { to: string; icon: ReactNode; text: string }) {
  const navigate = useNavigate();
  return (
    <Button icon={icon} onClick={() => navigate(to)}>
      {text}
    </Button>
  );
}
