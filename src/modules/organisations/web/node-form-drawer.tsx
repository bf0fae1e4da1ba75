import { useMemo } from 'react';
import type { z } from 'zod';
import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { orgApi, type NodeDetail, type ZNodeCreate, type ZNodeUpdate } from '../org.contract';
import { checkDivisionCode, DIVISION_MESSAGES, type DivisionLevel } from '../../../shared/division-code';
import { LIMITS } from '../../../shared/limits';
import {
  allowedChildLevels,
  NODE_LEVEL_LABELS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type NodeLevel,
} from '../../../shared/roles';
import { useSaveMutation } from '../../../web/api/hooks';
import { blankToNull, rules } from '../../../web/components/rules';
import { PhoneField, TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { M } from './org.messages';
import { ORG_CHANGES, useNodeDetail } from './org.queries';

export type NodeFormMode = { kind: 'create'; parent: NodeDetail } | { kind: 'edit'; node: NodeDetail };

/** The form holds the contract's input (the parent comes from the drawer, not the form). */
type Values = Omit<z.input<typeof ZNodeCreate>, 'parentId'>;

const FIELDS = [
  'name',
  'divisionCode',
  'address',
  'longitude',
  'latitude',
  'headName',
  'headPhone',
  'officeLocation',
  'officePhone',
  'officeHead',
  'sortOrder',
] as const;

type Field = [name: keyof Values, label: string];

/** An address, then a person and their phone side by side: the node's head, and its office's. */
function PlaceFields({ place, person, phone }: { place: Field; person: Field; phone: Field }) {
  return (
    <>
      <TextField name={place[0]} label={place[1]} max={LIMITS.address} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <TextField name={person[0]} label={person[1]} max={LIMITS.personName} />
        </Col>
        <Col xs={24} sm={12}>
          <PhoneField name={phone[0]} label={phone[1]} />
        </Col>
      </Row>
    </>
  );
}

/** One form for creating and editing a node, in a drawer. */
export function NodeFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<NodeFormMode>) {
  const { t, label, isZh } = useI18n();
  const [form] = Form.useForm<Values>();
  const tree = useOrgTree();
  const save = useSaveMutation(form, orgApi, {
    invalidates: ORG_CHANGES,
    created: ({ body }) => t(M.created, { name: body.name }),
    onSaved: ({ id }) => onSaved(id),
  });

  const editing = mode.kind === 'edit' ? mode.node : null;
  const parent = mode.kind === 'create' ? mode.parent : null;
  const levels = useMemo(() => (parent ? allowedChildLevels(parent.level) : []), [parent]);
  const level: NodeLevel = Form.useWatch('level', form) ?? editing?.level ?? levels[0];

  // The parent's division code, for the prefix check: known when creating; when editing, read
  // only if the parent is in the user's tree (asking for a node outside it is an audited denial).
  const parentId = editing?.parentId ?? null;
  const parentVisible = !!parentId && !!tree.data?.byId.has(parentId);
  const parentQuery = useNodeDetail(parentId ?? undefined, {
    enabled: parentVisible && editing?.level !== 'unit',
    retry: false,
  });
  const parentCode = parent ? parent.divisionCode : (parentQuery.data?.divisionCode ?? null);

  const initialValues = useMemo<Values>(() => {
    if (editing) {
      return Object.fromEntries([
        ...FIELDS.map((f) => [f, editing[f]]),
        ['level', editing.level],
        ['unitKind', editing.unitKind],
      ]) as Values;
    }
    return { level: levels[0], unitKind: 'lead_dept', name: '', sortOrder: 0 };
  }, [editing, levels]);

  const divisionRule = {
    validator: async (_r: unknown, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '' || level === 'unit') return;
      const problem = checkDivisionCode(v.trim(), level as DivisionLevel, parentCode);
      if (problem) throw new Error(isZh ? DIVISION_MESSAGES[problem].zh : DIVISION_MESSAGES[problem].en);
    },
  };

  const submit = (v: Values) => {
    const fields: z.input<typeof ZNodeUpdate> = {
      name: v.name.trim(),
      unitKind: v.level === 'unit' ? (v.unitKind ?? 'other') : null,
      divisionCode: v.level === 'unit' ? null : (blankToNull(v.divisionCode?.trim()) as string | null),
      address: blankToNull(v.address) as string | null,
      longitude: v.longitude ?? null,
      latitude: v.latitude ?? null,
      headName: blankToNull(v.headName) as string | null,
      headPhone: blankToNull(v.headPhone) as string | null,
      officeLocation: blankToNull(v.officeLocation) as string | null,
      officePhone: blankToNull(v.officePhone) as string | null,
      officeHead: blankToNull(v.officeHead) as string | null,
      sortOrder: v.sortOrder ?? 0,
    };
    if (editing) void save.update({ params: { id: editing.id }, body: fields });
    else if (parent) void save.create({ body: { ...fields, parentId: parent.id, level: v.level } });
  };

  const office = level === 'county' || level === 'town';
  const title = editing ? t(M.editTitle, { name: editing.name }) : t(M.createTitle, { parent: parent?.name ?? '' });

  return (
    <FormDrawer title={title} width={600} onClose={onClose} {...save.formProps(submit)} initialValues={initialValues}>
      {parent && (
        <Form.Item name="level" label={t(M.level)} rules={[rules.chosen(t)]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={levels.map((l) => ({ value: l, label: label(NODE_LEVEL_LABELS[l]) }))}
          />
        </Form.Item>
      )}
      {level === 'unit' && (
        <Form.Item name="unitKind" label={t(M.unitKind)} rules={[rules.chosen(t)]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))} />
        </Form.Item>
      )}
      <TextField name="name" label={t(M.name)} max={LIMITS.nodeName} required showCount autoFocus />
      {level !== 'unit' && (
        <Form.Item
          name="divisionCode"
          label={t(M.divisionCode)}
          extra={t(M.divisionCodeHelp)}
          rules={[divisionRule]}
          dependencies={['level']}
        >
          <Input
            inputMode="numeric"
            maxLength={12}
            placeholder={parentCode ? `${parentCode.slice(0, level === 'centre' ? 9 : 6)}…` : undefined}
          />
        </Form.Item>
      )}
      <PlaceFields
        place={['address', t(M.address)]}
        person={['headName', t(M.headName)]}
        phone={['headPhone', t(M.headPhone)]}
      />
      {office && (
        <fieldset style={{ border: '1px solid #e6ece9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}>
          <legend style={{ fontSize: 16, padding: '0 6px', width: 'auto', marginBottom: 0, border: 0 }}>
            {t(M.office)}
          </legend>
          <PlaceFields
            place={['officeLocation', t(M.officeLocation)]}
            person={['officeHead', t(M.officeHead)]}
            phone={['officePhone', t(M.officePhone)]}
          />
        </fieldset>
      )}
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="longitude" label={t(M.longitude)}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="latitude" label={t(M.latitude)}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="sortOrder" label={t(M.sortOrder)} tooltip={t(M.sortOrderHelp)}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
