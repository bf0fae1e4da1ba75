import { useState } from 'react';
import { App, Button, Switch } from 'antd';
import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import { usersApi, type User } from '../account.contract';
import { useApiMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { formatDateTime } from '../../../shared/china-time';
import { DetailActions, DetailBody, DetailFields, DetailSection } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormDrawer } from './user-form-drawer';
import { UserRoles } from './user-roles';
import { UserStatusTag } from './user-status';
import { M } from './users.messages';
import { useUser } from './users.queries';

/** One account: its details, enable/disable, password reset, roles. */
export function UserDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useUser(id);
  return (
    <DetailDrawer query={q} width={620} title={(d) => d?.displayName ?? t(M.detailTitle)} onClose={onClose}>
      {(user) => <UserDetail user={user} />}
    </DetailDrawer>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { me } = useAuth();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const toggle = useApiMutation(usersApi.update, {
    onSuccess: (saved) => void message.success(t(saved.disabled ? M.nowDisabled : M.nowEnabled)),
  });
  const isSelf = me?.user.id === user.id;

  const setEnabled = (enabled: boolean) =>
    modal.confirm({
      title: t(enabled ? M.enableConfirm : M.disableConfirm, { name: user.displayName }),
      okButtonProps: { danger: !enabled },
      okText: t(APP.confirm),
      cancelText: t(APP.cancel),
      onOk: () =>
        toggle.run({
          params: { id: user.id },
          body: { displayName: user.displayName, phone: user.phone, homeNodeId: user.homeNodeId, disabled: !enabled },
        }),
    });

  return (
    <DetailBody>
      {user.canManage && (
        <DetailActions>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.editUser)}
          </Button>
          <Button icon={<KeyOutlined />} onClick={() => setResetting(true)}>
            {t(M.resetPassword)}
          </Button>
        </DetailActions>
      )}
      <DetailFields
        items={[
          { key: 'name', label: t(M.displayName), children: user.displayName },
          { key: 'username', label: t(M.username), children: user.username },
          { key: 'phone', label: t(M.phone), children: user.phone ?? '—' },
          { key: 'home', label: t(M.homeNode), children: user.homeNodeName },
          { key: 'status', label: t(M.status), children: <UserStatusTag user={user} /> },
          {
            key: 'enabled',
            label: t(M.enabled),
            children: (
              <Switch
                checked={!user.disabled}
                loading={toggle.busy}
                disabled={isSelf || !user.canManage}
                checkedChildren={t(M.enabledOn)}
                unCheckedChildren={t(M.enabledOff)}
                onChange={(on) => setEnabled(on)}
                aria-label={t(M.enabled)}
              />
            ),
          },
          {
            key: 'last',
            label: t(M.lastLogin),
            children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t(M.never),
          },
        ]}
      />
      <DetailSection title={t(M.roles)}>
        <UserRoles user={user} />
      </DetailSection>
      {editing && (
        <UserFormDrawer
          mode={{ kind: 'edit', user }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {resetting && <ResetPasswordModal user={user} onClose={() => setResetting(false)} />}
    </DetailBody>
  );
}
