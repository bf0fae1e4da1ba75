import { Card, Col, Descriptions, List, Row, Tag } from 'antd';
import { ROLE_LABELS } from '../../../shared/roles';
import { useMe } from '../../../web/auth/auth-context';
import { PageHeader } from '../../../web/components/page-header';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { ChangePasswordForm } from './change-password-form';
import { M as U } from './users.messages';

const M = {
  title: ['我的账号', 'My account'],
  me: ['基本信息', 'About me'],
  myRoles: ['我的角色', 'My roles'],
  myRolesHelp: ['每个角色对所在组织及其全部下级有效。', 'Each role covers its node and everything under it.'],
  changePassword: ['修改密码', 'Change password'],
  noRoles: ['您还没有任何角色，请联系管理员。', 'You have no role yet; ask an administrator.'],
} satisfies Record<string, Msg>;

/** 我的账号: who I am, my roles and where, and changing my password. */
export function MyAccountPage() {
  const { t, label } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t(M.title)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t(M.me)} style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'name', label: t(U.displayName), children: me.user.displayName },
                { key: 'username', label: t(U.username), children: me.user.username },
                { key: 'phone', label: t(U.phone), children: me.user.phone ?? '—' },
                { key: 'home', label: t(U.homeNode), children: me.user.homeNodeName },
              ]}
            />
          </Card>
          <Card title={t(M.myRoles)}>
            <List
              dataSource={me.scopes}
              locale={{ emptyText: t(M.noRoles) }}
              header={<span style={{ color: '#50635a', fontSize: 14 }}>{t(M.myRolesHelp)}</span>}
              renderItem={(s) => (
                <List.Item>
                  <span style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                    <Tag color="green" style={{ fontSize: 15, padding: '2px 8px' }}>
                      {label(ROLE_LABELS[s.role])}
                    </Tag>
                    <span>{s.nodeName}</span>
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t(M.changePassword)}>
            <ChangePasswordForm username={me.user.username} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
