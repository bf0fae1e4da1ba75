import type { z } from 'zod';
import dayjs, { type Dayjs } from 'dayjs';
import { Col, DatePicker, Form, Row, Select } from 'antd';
import { chinaYear } from '../../../shared/china-time';
import { useSaveMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { NumberField } from '../../../web/components/field-number';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import {
  AWARD_KINDS,
  AWARD_KIND_LABELS,
  AWARD_LIMITS,
  QUOTA_SCOPES,
  QUOTA_SCOPE_LABELS,
  selectionsApi,
  type SelectionDetail,
  type SelectionFields,
  type ZSelectionCreate,
} from '../awards.contract';
import { M } from './awards.messages';

export type SelectionFormMode = { kind: 'create' } | { kind: 'edit'; selection: SelectionDetail };
type Values = Omit<z.input<typeof ZSelectionCreate>, 'nominateFrom' | 'nominateUntil'> & {
  nominateFrom: Dayjs;
  nominateUntil: Dayjs;
};

/** One form for opening and editing a selection: kind, window, quota, eligibility, reward. */
export function SelectionFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<SelectionFormMode>) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation(form, selectionsApi, {
    created: ({ body }) => t(M.created, { name: body.title }),
    onSaved: (out) => onSaved('id' in out ? out.id : ''),
  });
  const editing = mode.kind === 'edit' ? mode.selection : null;
  const year = chinaYear();
  const submit = (v: Values) => {
    const fields: SelectionFields = {
      title: v.title.trim(),
      nominateFrom: v.nominateFrom.format('YYYY-MM-DD'),
      nominateUntil: v.nominateUntil.format('YYYY-MM-DD'),
      quotaScope: v.quotaScope,
      quota: v.quota,
      minHours: v.minHours ?? null,
      minCredits: v.minCredits ?? null,
      excludeWinnerYears: v.excludeWinnerYears ?? 0,
      rewardCredits: v.rewardCredits ?? null,
      rewardText: v.rewardText?.trim() || null,
    };
    if (editing) void save.update({ params: { id: editing.id }, body: fields });
    else void save.create({ body: { ...fields, ownerNodeId: v.ownerNodeId, year: Number(v.year), kind: v.kind } });
  };
  const initial: Partial<Values> = editing
    ? { ...editing, nominateFrom: dayjs(editing.nominateFrom), nominateUntil: dayjs(editing.nominateUntil) }
    : {
        year,
        quotaScope: 'centre',
        quota: 1,
        excludeWinnerYears: 0,
        nominateFrom: dayjs(`${year}-01-01`),
        nominateUntil: dayjs(`${year}-11-30`),
      };
  return (
    <FormDrawer
      title={editing ? `${t(M.editTitle)} · ${editing.title}` : t(M.createTitle)}
      width={600}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      {!editing && (
        <>
          <Form.Item name="ownerNodeId" label={t(M.owner)} extra={t(M.ownerHelp)} rules={[rules.chosen(t)]}>
            <NodeTreeSelect selectable={(n) => n.level === 'county' || n.level === 'town'} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12}>
              <NumberField name="year" label={t(M.year)} min={2000} max={2100} precision={0} required />
            </Col>
            <Col xs={12}>
              <Form.Item name="kind" label={t(M.kind)} rules={[rules.chosen(t)]}>
                <Select options={AWARD_KINDS.map((k) => ({ value: k, label: label(AWARD_KIND_LABELS[k]) }))} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      <TextField name="title" label={t(M.title)} max={AWARD_LIMITS.title} required />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="nominateFrom" label={t(M.nominateFrom)} rules={[rules.chosen(t)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="nominateUntil" label={t(M.nominateUntil)} rules={[rules.chosen(t)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="quotaScope" label={t(M.quotaScope)} rules={[rules.chosen(t)]}>
            <Select options={QUOTA_SCOPES.map((s) => ({ value: s, label: label(QUOTA_SCOPE_LABELS[s]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <NumberField name="quota" label={t(M.quota)} min={1} max={999} precision={0} required />
        </Col>
        <Col xs={12}>
          <NumberField name="minHours" label={t(M.minHours)} min={0} max={9999} precision={1} />
        </Col>
        <Col xs={12}>
          <NumberField name="minCredits" label={t(M.minCredits)} min={0} max={99999} precision={1} />
        </Col>
        <Col xs={12}>
          <NumberField
            name="excludeWinnerYears"
            label={t(M.excludeYears)}
            extra={t(M.excludeHelp)}
            min={0}
            max={10}
            precision={0}
          />
        </Col>
        <Col xs={12}>
          <NumberField
            name="rewardCredits"
            label={t(M.rewardCredits)}
            extra={t(M.rewardCreditsHelp)}
            min={0.1}
            max={9999}
            precision={1}
          />
        </Col>
      </Row>
      <TextField name="rewardText" label={t(M.rewardText)} max={AWARD_LIMITS.rewardText} />
    </FormDrawer>
  );
}
