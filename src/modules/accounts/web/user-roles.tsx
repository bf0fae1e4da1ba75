import { App, Button, Col, Empty, Form, List, Popconfirm, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '../account.contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { errorText } from '../../../web/api/api-error';
import { api } from '../../../web/api/client';
import { useAdminReach } from '../../../web/auth/admin-reach';
import { useFormErrors } from '../../../web/components/form-errors';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { M } from './users.messages';
import { useUsersRefresh } from './users.queries';

type AddValues = { role: Role; nodeId: string };

/** The roles of one account: each on one node and its subtree. Add and take away. */
export function UserRoles({ user }: { user: User }) {
  const { t, label, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useUsersRefresh();
  const { isSystemAdmin, canAdminister } = useAdminReach();
  const [form] = Form.useForm<AddValues>();
  const errors = useFormErrors(form);
  const grantable = ROLES.filter((r) => r !== 'system_admin' || isSystemAdmin);

  const add = (v: AddValues) =>
    errors.run(async () => {
      await api.post(`/api/users/${user.id}/roles`, v);
      await refresh();
      form.resetFields();
      void message.success(t(M.roleAdded));
    });

  const remove = async (assignmentId: string) => {
    try {
      await api.del(`/api/users/${user.id}/roles/${assignmentId}`);
      await refresh();
      void message.success(t(M.roleRemoved));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <>
      {user.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(M.noRoles)} />
      ) : (
        <List
          bordered
          dataSource={user.roles}
          renderItem={(r) => (
            <List.Item
              actions={
                !user.canManage
                  ? []
                  : [
                      <Popconfirm
                        key="rm"
                        title={t(M.removeRoleConfirm, { role: label(ROLE_LABELS[r.role]), node: r.nodeName })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(r.id)}
                      >
                        <Button type="link" danger>
                          {t(M.removeRole)}
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta title={label(ROLE_LABELS[r.role])} description={r.nodeName} />
            </List.Item>
          )}
        />
      )}
      {user.canManage && (
        <Form<AddValues>
          form={form}
          layout="vertical"
          onFinish={add}
          disabled={errors.busy}
          style={{ marginTop: 16 }}
          initialValues={{ nodeId: user.homeNodeId }}
        >
          {errors.alert}
          <Row gutter={12} align="bottom">
            <Col xs={24} sm={10}>
              <Form.Item name="role" label={t(M.filterRole)} rules={[{ required: true, message: t(M.chooseRole) }]}>
                <Select
                  options={grantable.map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item
                name="nodeId"
                label={t(M.roleNode)}
                tooltip={t(M.roleNodeHelp)}
                rules={[{ required: true, message: t(M.roleNode) }]}
              >
                <NodeTreeSelect selectable={canAdminister} />
              </Form.Item>
            </Col>
          </Row>
          <Button icon={<PlusOutlined />} htmlType="submit" loading={errors.busy}>
            {t(M.addRole)}
          </Button>
        </Form>
      )}
    </>
  );
}
