import type { z } from 'zod';
import { Col, Form, Input, Row, Select } from 'antd';
import { USERNAME_PATTERN, usersApi, type User, type ZUserCreate } from '../account.contract';
import { LIMITS } from '../../../shared/limits';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { useSaveMutation } from '../../../web/api/hooks';
import { useAdminReach } from '../../../web/auth/admin-reach';
import { blankToNull, rules } from '../../../web/components/rules';
import { PhoneField, TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { PasswordRulesHint, usePasswordRule } from './password-rules-hint';
import { M } from './users.messages';

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: User };

/** The contract's input, with one initial role picked in two fields instead of a list. */
type Values = Omit<z.input<typeof ZUserCreate>, 'roles'> & { role?: Role; roleNodeId?: string };

/** One form for a new account and for editing one. Username and password only on create. */
export function UserFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<UserFormMode>) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { isSystemAdmin, canAdminister } = useAdminReach();
  const save = useSaveMutation(form, usersApi, {
    created: ({ body }) => t(M.created, { name: body.displayName }),
    onSaved: ({ id }) => onSaved(id),
  });
  const editing = mode.kind === 'edit' ? mode.user : null;
  const username = Form.useWatch('username', form);
  const passwordRule = usePasswordRule(username);
  const role = Form.useWatch('role', form);

  const submit = (v: Values) => {
    const fields = {
      displayName: v.displayName.trim(),
      phone: blankToNull(v.phone) as string | null,
      homeNodeId: v.homeNodeId,
    };
    if (editing) {
      void save.update({ params: { id: editing.id }, body: { ...fields, disabled: editing.disabled } });
    } else {
      const roles = v.role ? [{ role: v.role, nodeId: v.roleNodeId ?? v.homeNodeId }] : [];
      void save.create({ body: { ...fields, username: v.username.trim(), password: v.password, roles } });
    }
  };

  return (
    <FormDrawer
      title={editing ? `${t(M.editUser)} · ${editing.displayName}` : t(M.createTitle)}
      width={560}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={
        editing ? { displayName: editing.displayName, phone: editing.phone, homeNodeId: editing.homeNodeId } : {}
      }
    >
      {!editing && (
        <Form.Item
          name="username"
          label={t(M.username)}
          extra={t(M.usernameHelp)}
          rules={[rules.required(t), { pattern: USERNAME_PATTERN, message: t(M.usernameHelp) }]}
        >
          <Input maxLength={LIMITS.username} autoComplete="off" autoFocus />
        </Form.Item>
      )}
      <TextField
        name="displayName"
        label={t(M.displayName)}
        extra={t(M.displayNameHelp)}
        max={LIMITS.personName}
        required
        autoFocus={!!editing}
      />
      <PhoneField name="phone" label={t(M.phone)} extra={t(M.phoneHelp)} />
      <Form.Item name="homeNodeId" label={t(M.homeNode)} rules={[rules.chosen(t)]}>
        <NodeTreeSelect selectable={canAdminister} />
      </Form.Item>
      {!editing && (
        <>
          <Form.Item
            name="password"
            label={t(M.initialPassword)}
            extra={
              <>
                <div>{t(M.initialPasswordHelp)}</div>
                <PasswordRulesHint />
              </>
            }
            rules={[rules.required(t), passwordRule]}
            dependencies={['username']}
          >
            <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="role" label={t(M.initialRole)}>
                <Select
                  allowClear
                  options={ROLES.filter((r) => r !== 'system_admin' || isSystemAdmin).map((r) => ({
                    value: r,
                    label: label(ROLE_LABELS[r]),
                  }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            {role && (
              <Col xs={24} sm={12}>
                <Form.Item
                  name="roleNodeId"
                  label={t(M.roleNode)}
                  tooltip={t(M.roleNodeHelp)}
                  extra={t(M.roleNodeBlank)}
                >
                  <NodeTreeSelect selectable={canAdminister} allowClear />
                </Form.Item>
              </Col>
            )}
          </Row>
        </>
      )}
    </FormDrawer>
  );
}
