import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { M as APP } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';
import { useDrawerWidth } from './use-drawer-width';

/** The drawer around every create/edit form: full width on a phone, 取消 and 保存 at the foot. */
export function FormDrawer({
  title,
  width,
  busy,
  onClose,
  onSave,
  children,
}: {
  title: ReactNode;
  /** Width on a wide screen, in pixels. */
  width?: number;
  busy: boolean;
  onClose: () => void;
  onSave: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const size = useDrawerWidth(width);
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t(APP.cancel)}</Button>
          <Button type="primary" loading={busy} onClick={onSave}>
            {t(APP.save)}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
