import type { z } from 'zod';
import { Checkbox, Col, Form, Radio, Row, Select } from 'antd';
import { LIMITS } from '../../../shared/limits';
import { ADMIN_ROLES } from '../../../shared/roles';
import { DEFAULT_THEMES, THEME_LABELS } from '../../../shared/themes';
import { useSaveMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { blankToNull, rules } from '../../../web/components/rules';
import { PhoneField, TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import {
  GENDERS,
  GENDER_LABELS,
  TEACHER_CATEGORIES,
  TEACHER_CATEGORY_LABELS,
  TEACHER_LIMITS,
  TEACHER_SOURCES,
  TEACHER_SOURCE_LABELS,
  teachersApi,
  type TeacherDetail,
  type TeacherUpdate,
  type ZTeacherCreate,
} from '../teachers.contract';
import { AccountSelect } from './account-select';
import { ResidentSelect } from './resident-select';
import { BankSelect } from './bank-select';
import { M } from './teachers.messages';

export type TeacherFormMode = { kind: 'create'; bankNodeId?: string } | { kind: 'edit'; teacher: TeacherDetail };

/** The form holds the contract's input: optional fields may be blank until saved. */
type Values = z.input<typeof ZTeacherCreate>;

/** One form for adding and editing a teacher. The status changes in its own dialog. */
export function TeacherFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<TeacherFormMode>) {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation(form, teachersApi, {
    created: ({ body }) => t(M.created, { name: body.name }),
    onSaved: ({ id }) => onSaved(id),
  });
  const editing = mode.kind === 'edit' ? mode.teacher : null;
  const category = Form.useWatch('category', form);
  const gov = Form.useWatch('isGovernmentStaff', form);
  const noFee = category === 'volunteer' || !!gov;
  const canLink = editing ? editing.permissions.linkUser : hasRole(ADMIN_ROLES);

  const submit = (v: Values) => {
    const fields: TeacherUpdate = {
      name: v.name.trim(),
      gender: v.gender ?? null,
      phone: blankToNull(v.phone) as string | null,
      category: v.category,
      source: v.source,
      specialities: v.specialities ?? [],
      qualifications: blankToNull(v.qualifications) as string | null,
      workUnit: blankToNull(v.workUnit) as string | null,
      isGovernmentStaff: !!v.isGovernmentStaff,
      feeEligible: !!v.feeEligible,
      note: blankToNull(v.note) as string | null,
      userId: canLink ? (v.userId ?? null) : (editing?.userId ?? null),
      residentId: v.residentId ?? null,
    };
    if (editing) void save.update({ params: { id: editing.id }, body: fields });
    else void save.create({ body: { ...fields, bankNodeId: v.bankNodeId } });
  };

  const initial: Partial<Values> = editing
    ? { ...editing, bankNodeId: editing.bankNodeId }
    : {
        bankNodeId: mode.kind === 'create' ? mode.bankNodeId : undefined,
        category: 'part_time',
        source: 'teacher',
        specialities: [],
        isGovernmentStaff: false,
        feeEligible: false,
      };

  return (
    <FormDrawer
      title={editing ? `${t(M.editTitle)} · ${editing.name}` : t(M.createTitle)}
      width={600}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
      onValuesChange={(changed: Partial<Values>, all) => {
        // Volunteers and government staff are never paid: untick the fee as soon as either applies.
        if (
          ('category' in changed || 'isGovernmentStaff' in changed) &&
          (all.category === 'volunteer' || all.isGovernmentStaff) &&
          all.feeEligible
        )
          form.setFieldValue('feeEligible', false);
      }}
    >
      <Form.Item name="bankNodeId" label={t(M.bank)} extra={t(M.bankHelp)} rules={[rules.chosen(t)]}>
        <BankSelect keptOnly disabled={!!editing} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <TextField name="name" label={t(M.name)} max={LIMITS.personName} required autoFocus />
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label={t(M.gender)}>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: label(GENDER_LABELS[g]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label={t(M.category)} rules={[rules.chosen(t)]}>
            <Select options={TEACHER_CATEGORIES.map((c) => ({ value: c, label: label(TEACHER_CATEGORY_LABELS[c]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label={t(M.source)} rules={[rules.chosen(t)]}>
            <Select options={TEACHER_SOURCES.map((s) => ({ value: s, label: label(TEACHER_SOURCE_LABELS[s]) }))} />
          </Form.Item>
        </Col>
      </Row>
      <PhoneField name="phone" label={t(M.phone)} />
      <Form.Item
        name="specialities"
        label={t(M.specialities)}
        rules={[{ type: 'array', max: TEACHER_LIMITS.specialities }]}
      >
        <Select
          mode="multiple"
          allowClear
          options={DEFAULT_THEMES.map((k) => ({ value: k, label: label(THEME_LABELS[k]) }))}
        />
      </Form.Item>
      <TextField
        name="qualifications"
        label={t(M.qualifications)}
        extra={t(M.qualificationsHelp)}
        max={TEACHER_LIMITS.qualifications}
        rows={2}
      />
      <TextField name="workUnit" label={t(M.workUnit)} max={TEACHER_LIMITS.workUnit} />
      <Form.Item name="isGovernmentStaff" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t(M.govStaff)}</Checkbox>
      </Form.Item>
      <Form.Item name="feeEligible" valuePropName="checked" extra={t(M.feeHelp)}>
        <Checkbox disabled={noFee}>{t(M.feeEligible)}</Checkbox>
      </Form.Item>
      {canLink && (
        <Form.Item name="userId" label={t(M.linkedUser)} extra={t(M.linkedUserHelp)}>
          <AccountSelect
            initial={editing?.userId && editing.userName ? { id: editing.userId, name: editing.userName } : null}
          />
        </Form.Item>
      )}
      <Form.Item name="residentId" label={t(M.linkedResident)} extra={t(M.linkedResidentHelp)}>
        <ResidentSelect
          initial={
            editing?.residentId && editing.residentName ? { id: editing.residentId, name: editing.residentName } : null
          }
          onChange={(id, r) => {
            form.setFieldValue('residentId', id);
            if (r && !form.getFieldValue('name')) form.setFieldValue('name', r.name);
            if (r?.gender && !form.getFieldValue('gender')) form.setFieldValue('gender', r.gender);
          }}
        />
      </Form.Item>
      <TextField name="note" label={t(M.note)} max={LIMITS.note} rows={2} />
    </FormDrawer>
  );
}
