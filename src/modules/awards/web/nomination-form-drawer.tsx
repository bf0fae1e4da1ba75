import { useState } from 'react';
import { Form, Select } from 'antd';
import { useSaveMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { SearchSelect } from '../../../web/components/field-search-select';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { MaterialUpload, RichTextEditor } from '../../courses/web';
import {
  AWARD_LIMITS,
  NOMINEE_KIND_LABELS,
  NOMINEE_OF,
  nominationsApi,
  type NominationDetail,
  type NominationFields,
  type Nominee,
  type SelectionDetail,
} from '../awards.contract';
import { M } from './awards.messages';
import { useNominees } from './awards.queries';

export type NominationFormMode =
  { kind: 'create'; selection: SelectionDetail } | { kind: 'edit'; nomination: NominationDetail };

type Values = {
  nodeId: string;
  nomineeId?: string | null;
  nomineeName?: string;
  accountHtml?: string;
  fileIds?: string[];
};

/** One form for a new nomination and for editing a draft or returned one: the centre, the nominee, the account, attachments. */
export function NominationFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<NominationFormMode>) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = mode.kind === 'edit' ? mode.nomination : null;
  const selection = mode.kind === 'create' ? mode.selection : null;
  const selectionId = editing?.selectionId ?? selection!.id;
  const kind = NOMINEE_OF[editing?.kind ?? selection!.kind];
  const nodeId = Form.useWatch('nodeId', form) ?? editing?.nodeId;
  const [q, setQ] = useState('');
  const nominees = useNominees(selectionId, kind === 'building' ? undefined : nodeId, q);
  const save = useSaveMutation(form, nominationsApi, {
    created: () => t(M.nominationCreated),
    onSaved: (out) => onSaved('id' in out ? out.id : ''),
  });
  const submit = (v: Values) => {
    const fields: NominationFields = {
      nominee: { id: v.nomineeId ?? (kind === 'centre' ? v.nodeId : null), name: v.nomineeName?.trim() || null },
      accountHtml: v.accountHtml || null,
      fileIds: v.fileIds ?? [],
    };
    if (editing) void save.update({ params: { id: editing.id }, body: fields });
    else void save.create({ body: { ...fields, selectionId, nodeId: v.nodeId } });
  };
  const initial: Partial<Values> = editing
    ? {
        nodeId: editing.nodeId,
        nomineeId: editing.nomineeId,
        nomineeName: kind === 'building' ? editing.nomineeName : undefined,
        accountHtml: editing.accountHtml,
        fileIds: editing.files.map((f) => f.id),
      }
    : { nodeId: selection!.centres.length === 1 ? selection!.centres[0].id : undefined, fileIds: [] };
  return (
    <FormDrawer
      title={
        editing ? `${t(M.nominationEdit)} · ${editing.nomineeName}` : `${t(M.nominationCreate)} · ${selection!.title}`
      }
      width={720}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      <Form.Item name="nodeId" label={t(M.centre)} rules={[rules.chosen(t)]}>
        <Select
          disabled={!!editing}
          options={
            editing
              ? [{ value: editing.nodeId, label: editing.nodeName }]
              : selection!.centres.map((c) => ({ value: c.id, label: c.name }))
          }
        />
      </Form.Item>
      {kind === 'building' ? (
        <TextField name="nomineeName" label={t(M.buildingName)} max={AWARD_LIMITS.building} required />
      ) : kind === 'centre' ? null : (
        <Form.Item
          name="nomineeId"
          label={`${t(M.nominee)}（${label(NOMINEE_KIND_LABELS[kind])}）`}
          rules={[rules.chosen(t)]}
        >
          <SearchSelect<Nominee>
            initial={editing?.nomineeId ? { id: editing.nomineeId, name: editing.nomineeName } : null}
            items={nominees.data?.items ?? []}
            optionLabel={(n) => (n.detail ? `${n.name}（${n.detail}）` : n.name)}
            onSearch={setQ}
            loading={nominees.isFetching}
            placeholder={t(M.searchToFind)}
          />
        </Form.Item>
      )}
      <Form.Item name="accountHtml" label={t(M.account)} extra={t(M.accountHelp)}>
        <RichTextEditor maxLength={AWARD_LIMITS.account} />
      </Form.Item>
      <Form.Item name="fileIds" label={t(M.attachments)}>
        <MaterialUpload
          nodeId={nodeId}
          purpose="award_material"
          initial={(editing?.files ?? []).map((f) => ({ ...f, size: 0 }))}
          max={AWARD_LIMITS.files}
        />
      </Form.Item>
    </FormDrawer>
  );
}
