import { Button, Card, Col, Form, Row, Select } from 'antd';
import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { orgApi, type Leader, type NodeDetail } from '../org.contract';
import { LIMITS } from '../../../shared/limits';
import { LEADER_POST_LABELS, LEADER_POSTS } from '../../../shared/roles';
import { useFormMutation } from '../../../web/api/hooks';
import { blankToNull, rules } from '../../../web/components/rules';
import { PhoneField, TextField } from '../../../web/components/field-text';
import { FormDrawer } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './org.messages';
import { ORG_CHANGES } from './org.queries';

type Values = { leaders: Leader[] };

/** Edits the whole leadership group; saving replaces the list on the server. */
export function LeadersFormDrawer({ node, onClose }: { node: NodeDetail; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useFormMutation(form, orgApi.setLeaders, {
    invalidates: ORG_CHANGES,
    success: t(M.leadersSaved),
    onSuccess: onClose,
  });

  const submit = (v: Values) => {
    const leaders = (v.leaders ?? []).map((l) => ({
      name: l.name.trim(),
      post: l.post,
      title: blankToNull(l.title) as string | null,
      phone: blankToNull(l.phone) as string | null,
    }));
    void save.submit({ params: { id: node.id }, body: { leaders } });
  };

  return (
    <FormDrawer
      title={`${node.name} · ${t(M.leaders)}`}
      width={640}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={{ leaders: node.leaders.map(({ name, post, title, phone }) => ({ name, post, title, phone })) }}
    >
      <Form.List name="leaders">
        {(fields, { add, remove, move }, { errors: listErrors }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t(M.memberN, { n: i + 1 })}
                extra={
                  <span style={{ display: 'inline-flex', gap: 4 }}>
                    {i > 0 && (
                      <Button
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t(M.moveUp)}
                        title={t(M.moveUp)}
                        onClick={() => move(i, i - 1)}
                      />
                    )}
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t(APP.delete)}
                      title={t(APP.delete)}
                      onClick={() => remove(f.name)}
                    />
                  </span>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <TextField name={[f.name, 'name']} label={t(M.leaderName)} max={LIMITS.personName} required />
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'post']} label={t(M.leaderPost)} rules={[rules.chosen(t)]}>
                      <Select options={LEADER_POSTS.map((p) => ({ value: p, label: label(LEADER_POST_LABELS[p]) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <TextField
                      name={[f.name, 'title']}
                      label={t(M.leaderTitle)}
                      max={LIMITS.post}
                      placeholder={t(M.leaderTitlePlaceholder)}
                    />
                  </Col>
                  <Col xs={24} sm={12}>
                    <PhoneField name={[f.name, 'phone']} label={t(M.leaderPhone)} />
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={listErrors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() =>
                add({ name: '', post: fields.length === 0 ? 'leader' : 'member', title: null, phone: null })
              }
            >
              {t(M.addLeader)}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
