import { useState } from 'react';
import { App, Button, Checkbox, Col, Divider, Form, Input, Radio, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { chinaToday } from '../../../shared/china-time';
import {
  ageOn,
  CHILD_AGE,
  DEFAULT_CONSENT_PURPOSE,
  EDUCATION_LABELS,
  EDUCATIONS,
  EMPLOYMENT_LABELS,
  EMPLOYMENTS,
  GENDER_LABELS,
  GENDERS,
  PEOPLE_LIMITS,
  RELATION_LABELS,
  RELATIONS,
  type ConsentInput,
  type ResidentDetail,
  type ResidentFieldsInput,
  type ResidentSaved,
  peopleApi,
} from '../people.contract';
import { ID_CARD_MESSAGES, parseIdCard } from '../../../shared/id-card';
import { LIMITS } from '../../../shared/limits';
import { RESIDENT_ROLES } from '../../../shared/roles';
import { useSaveMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { blankToNull, rules } from '../../../web/components/rules';
import { PhoneField, TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { ConsentFields } from './consent-fields';
import { HouseholdFormModal } from './household-form-modal';
import { M } from './people.messages';
import { useCountyTags, useHouseholds } from './people.queries';
import { useResidentNodes } from './use-resident-nodes';

export type ResidentFormMode =
  { kind: 'create'; nodeId?: string; householdId?: string } | { kind: 'edit'; resident: ResidentDetail };

type Values = Omit<ResidentFieldsInput, 'tags'> & {
  tags?: string[];
  clearPhone?: boolean;
  clearId?: boolean;
  consent?: ConsentInput;
};

/** The birth date the form implies: the field, or else the one inside a valid ID number. */
function impliedBirth(birthDate: string | null | undefined, idNumber: string | null | undefined): string | null {
  if (birthDate) return birthDate;
  if (!idNumber) return null;
  const p = parseIdCard(idNumber);
  return typeof p === 'string' ? null : p.birthDate;
}

/** One form to register a resident (with consent) and to correct one. */
export function ResidentFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<ResidentFormMode>) {
  const { t, label, locale } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const selectable = useResidentNodes();
  const { me } = useAuth();
  const tree = useOrgTree();
  const tags = useCountyTags();
  const editing = mode.kind === 'edit' ? mode.resident : null;
  const nodeId = Form.useWatch('nodeId', form);
  const householdId = Form.useWatch('householdId', form);
  const birthDate = Form.useWatch('birthDate', form);
  const idNumber = Form.useWatch('idNumber', form);
  const households = useHouseholds(nodeId ?? undefined);
  const [newHousehold, setNewHousehold] = useState(false);
  const birth = impliedBirth(birthDate, idNumber);
  const child = !!birth && ageOn(birth, chinaToday()) < CHILD_AGE;

  // A centre manager of one village registers people there: start with it chosen.
  const keeps = me?.scopes.filter((s) => RESIDENT_ROLES.includes(s.role)) ?? [];
  const ownVillage =
    keeps.length === 1 && tree.data?.byId.get(keeps[0].nodeId)?.level === 'centre' ? keeps[0].nodeId : undefined;
  const initial: Partial<Values> = editing
    ? { ...editing, phone: undefined, idNumber: undefined, tags: editing.tags }
    : {
        nodeId: mode.kind === 'create' ? (mode.nodeId ?? ownVillage) : undefined,
        householdId: mode.kind === 'create' ? mode.householdId : undefined,
        name: '',
        tags: [],
        consent: {
          given: false,
          purpose: DEFAULT_CONSENT_PURPOSE,
          method: 'paper',
          givenBy: 'self',
          guardianName: null,
          guardianRelation: null,
        },
      };

  const done = (saved: ResidentSaved, name: string) => {
    if (saved.warnings.length) {
      modal.warning({
        title: t(M.warningsTitle),
        content: saved.warnings.map((w) => (locale === 'zh-CN' ? w.message : w.messageEn)).join('\n'),
        okText: t(APP.confirm),
      });
    } else {
      void message.success(editing ? t(APP.saved) : t(M.created, { name: name.trim() }));
    }
    onSaved(saved.id);
  };
  const save = useSaveMutation(form, peopleApi, { saved: null, onSaved: (out, { body }) => done(out, body.name) });

  const submit = (v: Values) => {
    const typed = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);
    const blank = (s: string | null | undefined) => blankToNull(s) as string | null;
    const fields: ResidentFieldsInput = {
      nodeId: v.nodeId,
      name: v.name,
      gender: v.gender ?? null,
      birthDate: v.birthDate || null,
      householdId: v.householdId ?? null,
      relationToHead: v.householdId ? (v.relationToHead ?? null) : null,
      building: blank(v.building),
      education: v.education ?? null,
      employment: v.employment ?? null,
      occupation: blank(v.occupation),
      note: blank(v.note),
      tags: v.tags ?? [],
    };
    if (editing) {
      const body = {
        ...fields,
        phone: v.clearPhone ? null : typed(v.phone),
        idNumber: v.clearId ? null : typed(v.idNumber),
      };
      void save.update({ params: { id: editing.id }, body });
    } else {
      const consent = v.consent!;
      const body = {
        ...fields,
        phone: typed(v.phone) ?? null,
        idNumber: typed(v.idNumber) ?? null,
        consent: {
          ...consent,
          given: !!consent.given,
          guardianName: blank(consent.guardianName),
          guardianRelation: blank(consent.guardianRelation),
        },
      };
      void save.create({ body });
    }
  };

  const idRule = {
    validator: async (_r: unknown, v: unknown) => {
      if (typeof v !== 'string' || !v.trim()) return;
      const p = parseIdCard(v, form.getFieldValue('birthDate') || null);
      if (typeof p === 'string') throw new Error(label(ID_CARD_MESSAGES[p]));
    },
  };

  return (
    <FormDrawer
      title={editing ? t(M.editTitle, { name: editing.name }) : t(M.createTitle)}
      width={640}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
      after={
        newHousehold && (
          <HouseholdFormModal
            nodeId={nodeId ?? undefined}
            onClose={() => setNewHousehold(false)}
            onSaved={(id) => {
              setNewHousehold(false);
              form.setFieldsValue({ householdId: id });
            }}
          />
        )
      }
    >
      <Form.Item name="nodeId" label={t(M.node)} extra={t(M.nodeHelp)} rules={[rules.chosen(t)]}>
        <NodeTreeSelect selectable={selectable} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <TextField name="name" label={t(M.name)} extra={t(M.nameHelp)} max={LIMITS.personName} required autoFocus />
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="gender" label={t(M.gender)}>
            <Radio.Group
              optionType="button"
              options={GENDERS.map((g) => ({ value: g, label: label(GENDER_LABELS[g]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="idNumber"
        label={t(M.idNumber)}
        extra={editing?.idNumber ? t(M.keepStored, { masked: editing.idNumber }) : t(M.idNumberHelp)}
        rules={[idRule]}
        dependencies={['birthDate']}
      >
        <Input
          maxLength={PEOPLE_LIMITS.rawId}
          autoComplete="off"
          inputMode="text"
          style={{ fontVariantNumeric: 'tabular-nums' }}
        />
      </Form.Item>
      {editing?.idNumber && (
        <Form.Item name="clearId" valuePropName="checked" style={{ marginTop: -12 }}>
          <Checkbox>{t(M.removeStored)}</Checkbox>
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="birthDate" label={t(M.birthDate)} extra={t(M.birthDateHelp)}>
            <Input type="date" max={chinaToday()} min="1900-01-01" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <PhoneField
            name="phone"
            label={t(M.phone)}
            extra={editing?.phone ? t(M.keepStored, { masked: editing.phone }) : undefined}
            autoComplete="off"
          />
          {editing?.phone && (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox>{t(M.removeStored)}</Checkbox>
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item label={t(M.household)} extra={nodeId ? t(M.householdHelp) : t(M.chooseNodeFirst)}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="householdId" noStyle>
                <Select
                  allowClear
                  disabled={!nodeId}
                  loading={households.isFetching}
                  placeholder={t(M.noHousehold)}
                  style={{ flex: 1, minWidth: 0 }}
                  options={
                    households.data?.items.map((h) => ({
                      value: h.id,
                      label: `${h.headName}${h.building ? ` · ${h.building}` : ''}`,
                    })) ?? []
                  }
                />
              </Form.Item>
              <Button
                icon={<PlusOutlined />}
                disabled={!nodeId}
                onClick={() => setNewHousehold(true)}
                aria-label={t(M.newHousehold)}
              >
                {t(M.newHousehold)}
              </Button>
            </div>
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="relationToHead" label={t(M.relation)}>
            <Select
              allowClear
              disabled={!householdId}
              options={RELATIONS.map((r) => ({ value: r, label: label(RELATION_LABELS[r]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <TextField
        name="building"
        label={t(M.building)}
        max={PEOPLE_LIMITS.building}
        placeholder={t(M.buildingPlaceholder)}
      />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="education" label={t(M.education)}>
            <Select allowClear options={EDUCATIONS.map((e) => ({ value: e, label: label(EDUCATION_LABELS[e]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="employment" label={t(M.employment)}>
            <Select allowClear options={EMPLOYMENTS.map((e) => ({ value: e, label: label(EMPLOYMENT_LABELS[e]) }))} />
          </Form.Item>
        </Col>
      </Row>
      <TextField name="occupation" label={t(M.occupation)} max={PEOPLE_LIMITS.occupation} />
      <Form.Item name="tags" label={t(M.tags)}>
        <Checkbox.Group
          options={tags.data?.tags.map((d) => ({ value: d.code, label: d.label })) ?? []}
          style={{ rowGap: 8 }}
        />
      </Form.Item>
      <TextField name="note" label={t(M.note)} max={LIMITS.note} rows={2} />
      {!editing && (
        <>
          <Divider titlePlacement="start">{t(M.consent)}</Divider>
          <ConsentFields base={['consent']} child={child} form={form} />
        </>
      )}
    </FormDrawer>
  );
}
