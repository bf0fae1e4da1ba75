import { useState } from 'react';
import { Button, Col, DatePicker, Form, Row, Select, Space, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UploadOutlined } from '@ant-design/icons';
import { chinaToday, formatDate } from '../../../shared/china-time';
import { useApi, useSaveMutation, useUpload } from '../../../web/api/hooks';
import { SearchSelect } from '../../../web/components/field-search-select';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { useAuth } from '../../../web/auth/auth-context';
import { activitiesApi } from '../../activities/activities.contract';
import { ACCEPT_ATTR, filesApi, type StoredFile } from '../../files/files.contract';
import { TEACHER_CATEGORY_LABELS, teachersApi } from '../../teachers/teachers.contract';
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  FUNDING_LIMITS,
  fundingApi,
  type ExpenseCategory,
  type ExpenseDetail,
  type ExpenseFields,
} from '../funding.contract';
import { yuanInput, yuanText } from '../money';
import { EXPENSE_ROLES } from '../funding.policy';
import { M } from './funding.messages';
import { fenOf, YuanField } from './yuan-field';

export type ExpenseFormMode = { kind: 'create'; nodeId?: string } | { kind: 'edit'; expense: ExpenseDetail };

type Values = {
  nodeId?: string;
  category: ExpenseCategory;
  teacherId?: string | null;
  payee?: string;
  amount: string;
  spentOn: Dayjs;
  description: string;
  activityId?: string | null;
};

/** Teachers of the banks the user may read, found by name as they type (category and bank beside each). */
function TeacherPicker(props: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial: { id: string; name: string } | null;
  id?: string;
}) {
  const { t, label } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(teachersApi.list, { query: { q, page: 1, pageSize: 20 } }, { enabled: q.trim().length > 0 });
  return (
    <SearchSelect
      {...props}
      items={found.data?.items ?? []}
      optionLabel={(x) => `${x.name} · ${label(TEACHER_CATEGORY_LABELS[x.category])} · ${x.bankNodeName}`}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t(M.teacherSearch)}
    />
  );
}

/** Activities of the chosen town or centre, latest first, found by title. */
function ActivityPicker({
  nodeId,
  ...props
}: {
  nodeId: string | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial: { id: string; name: string } | null;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(
    activitiesApi.list,
    { query: { q: q || undefined, centreId: nodeId, page: 1, pageSize: 20 } },
    { enabled: !!nodeId },
  );
  return (
    <SearchSelect
      {...props}
      items={found.data?.items ?? []}
      optionLabel={(a) => `${a.title} · ${formatDate(a.startsAt)} · ${a.centreName}`}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={nodeId ? t(M.activitySearch) : t(M.chooseNodeFirst)}
    />
  );
}

/** One form to record an expense and to correct it while it waits for review. */
export function ExpenseFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<ExpenseFormMode>) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { me } = useAuth();
  const editing = mode.kind === 'edit' ? mode.expense : null;
  // One place where the user records (a centre manager's centre): chosen for them.
  const places = (me?.scopes ?? []).filter((s) => EXPENSE_ROLES.includes(s.role));
  const onlyPlace = places.length === 1 && places[0].role === 'centre_manager' ? places[0].nodeId : undefined;
  const [invoice, setInvoice] = useState<StoredFile | null>(editing?.invoice ?? null);
  const send = useUpload(filesApi.upload);
  const save = useSaveMutation(form, fundingApi, {
    created: ({ body }) => t(M.created, { amount: yuanText(body.amountFen) }),
    onSaved: (out) => onSaved(editing ? editing.id : (out as { id: string }).id),
  });
  const category = Form.useWatch('category', form);
  const nodeId = Form.useWatch('nodeId', form);
  const fee = category === 'teaching_fee';

  const upload = async (f: File) => {
    if (!nodeId) return;
    const stored = await send.run({ query: { nodeId, purpose: 'expense_invoice', accept: 'image' } }, f);
    if (stored) setInvoice(stored);
  };

  const submit = (v: Values) => {
    const body: ExpenseFields = {
      nodeId: v.nodeId!,
      category: v.category,
      teacherId: v.category === 'teaching_fee' ? (v.teacherId ?? null) : null,
      payee: v.category === 'teaching_fee' ? null : (v.payee?.trim() ?? null),
      amountFen: fenOf(v.amount),
      spentOn: v.spentOn.format('YYYY-MM-DD'),
      description: v.description.trim(),
      invoiceFileId: invoice?.id ?? null,
      activityId: v.activityId ?? null,
    };
    if (editing) void save.update({ params: { id: editing.id }, body });
    else void save.create({ body });
  };

  const initial: Partial<Values> = editing
    ? {
        nodeId: editing.nodeId,
        category: editing.category,
        teacherId: editing.teacherId,
        payee: editing.teacherId ? undefined : editing.payee,
        amount: yuanInput(editing.amountFen),
        spentOn: dayjs(editing.spentOn),
        description: editing.description,
        activityId: editing.activityId,
      }
    : {
        nodeId: (mode.kind === 'create' ? mode.nodeId : undefined) ?? onlyPlace,
        category: 'activity',
        spentOn: dayjs(chinaToday()),
      };

  return (
    <FormDrawer
      title={editing ? t(M.editTitle) : t(M.createTitle)}
      width={640}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
      onValuesChange={(changed: Partial<Values>) => {
        // An invoice belongs to the place it was uploaded for; another place needs it again.
        if ('nodeId' in changed && invoice) setInvoice(null);
        if ('nodeId' in changed) form.setFieldValue('activityId', null);
      }}
    >
      <Form.Item name="nodeId" label={t(M.node)} extra={t(M.nodeHelp)} rules={[rules.chosen(t)]}>
        <NodeTreeSelect selectable={(n) => n.level === 'town' || n.level === 'centre'} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label={t(M.category)} rules={[rules.chosen(t)]}>
            <Select options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: label(EXPENSE_CATEGORY_LABELS[c]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <YuanField name="amount" label={t(M.amount)} positive />
        </Col>
      </Row>
      {fee ? (
        <Form.Item name="teacherId" label={t(M.teacher)} extra={t(M.teacherHelp)} rules={[rules.chosen(t)]}>
          <TeacherPicker
            initial={editing?.teacherId ? { id: editing.teacherId, name: editing.teacherName ?? editing.payee } : null}
          />
        </Form.Item>
      ) : (
        <TextField name="payee" label={t(M.payee)} max={FUNDING_LIMITS.payee} required />
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="spentOn" label={t(M.spentOn)} rules={[rules.chosen(t)]}>
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      <TextField name="description" label={t(M.description)} max={FUNDING_LIMITS.description} required rows={2} />
      <Form.Item name="activityId" label={t(M.activity)} extra={t(M.activityHelp)}>
        <ActivityPicker
          nodeId={nodeId}
          initial={
            editing?.activityId && editing.activityTitle
              ? { id: editing.activityId, name: editing.activityTitle }
              : null
          }
        />
      </Form.Item>
      <Form.Item label={t(M.invoice)} name="invoiceFileId">
        <Space orientation="vertical">
          <Space>
            <Upload
              accept={ACCEPT_ATTR.image}
              showUploadList={false}
              disabled={!nodeId}
              beforeUpload={(f) => {
                void upload(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={send.busy} disabled={!nodeId}>
                {t(M.upload)}
              </Button>
            </Upload>
            {invoice && (
              <Button type="link" onClick={() => setInvoice(null)}>
                {t(M.removeInvoice)}
              </Button>
            )}
          </Space>
          {!nodeId && <Typography.Text type="secondary">{t(M.chooseNodeFirst)}</Typography.Text>}
          {invoice && <Typography.Text type="success">{t(M.uploaded, { name: invoice.originalName })}</Typography.Text>}
          {invoice?.thumbnailUrl && (
            <img src={invoice.thumbnailUrl} alt="" style={{ maxWidth: '100%', maxHeight: 160 }} />
          )}
        </Space>
      </Form.Item>
    </FormDrawer>
  );
}
