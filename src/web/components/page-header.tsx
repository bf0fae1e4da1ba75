import type { ReactNode } from 'react';
import { Breadcrumb, Button, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';
import { parentEntry } from '../layout/menu-items';

/**
 * The page's one level-one heading with its main actions; the actions wrap under the title on a
 * phone. `help`: a line under the title saying what the page is for. A page below a menu page (a
 * household, an activity's attendance, the venues) shows where it is above the title: the menu
 * page, linked, then this page.
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
  const { t } = useI18n();
  const { pathname } = useLocation();
  const parent = parentEntry(pathname);
  return (
    <div style={{ marginBottom: 16 }}>
      {parent && (
        <Breadcrumb
          aria-label={t(APP.breadcrumb)}
          style={{ marginBottom: 8 }}
          items={[{ title: <Link to={parent.path}>{t(parent.label)}</Link> }, { title }]}
        />
      )}
      <div
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}
      >
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
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
