import { App, Button, Col, Empty, Form, List, Popconfirm, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { usersApi, type RoleAssignment, type User } from '../account.contract';
import { ROLE_LABELS, ROLES } from '../../../shared/roles';
import { useApiMutation, useFormMutation } from '../../../web/api/hooks';
import { useAdminReach } from '../../../web/auth/admin-reach';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { M } from './users.messages';

/** The roles of one account: each on one node and its subtree. Add and take away. */
export function UserRoles({ user }: { user: User }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { isSystemAdmin, canAdminister } = useAdminReach();
  const [form] = Form.useForm<RoleAssignment>();
  const grantable = ROLES.filter((r) => r !== 'system_admin' || isSystemAdmin);
  const adding = useFormMutation(form, usersApi.addRole, {
    onSuccess: () => {
      form.resetFields();
      void message.success(t(M.roleAdded));
    },
  });
  const removal = useApiMutation(usersApi.removeRole, {
    onSuccess: () => void message.success(t(M.roleRemoved)),
  });

  const add = (body: RoleAssignment) => adding.submit({ params: { id: user.id }, body });
  const remove = (assignmentId: string) => removal.run({ params: { id: user.id, assignmentId } });

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
        <Form<RoleAssignment>
          form={form}
          layout="vertical"
          onFinish={add}
          disabled={adding.busy}
          style={{ marginTop: 16 }}
          initialValues={{ nodeId: user.homeNodeId }}
        >
          {adding.alert}
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
          <Button icon={<PlusOutlined />} htmlType="submit" loading={adding.busy}>
            {t(M.addRole)}
          </Button>
        </Form>
      )}
    </>
  );
}
