import { App, Form, Input } from 'antd';
import { PEOPLE_LIMITS, peopleApi, type HouseholdDetail, type HouseholdFields } from '../people.contract';
import { LIMITS } from '../../../shared/limits';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { M } from './people.messages';
import { useResidentNodes } from './use-resident-nodes';

/** One form for a new household (in a given village) and for editing one. */
export function HouseholdFormModal({
  household,
  nodeId,
  onClose,
  onSaved,
}: {
  household?: HouseholdDetail;
  nodeId?: string;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdFields>();
  const selectable = useResidentNodes();
  const saved = (id: string) => {
    void message.success(t(M.householdSaved));
    onSaved(id);
  };
  const create = useFormMutation(form, peopleApi.createHousehold, { onSuccess: ({ id }) => saved(id) });
  const update = useFormMutation(form, peopleApi.updateHousehold, {
    onSuccess: (_, { params }) => saved(params.id),
  });
  const { busy, alert } = household ? update : create;
  const submit = (v: HouseholdFields) => {
    const body = { ...v, building: v.building || null, address: v.address || null };
    if (household) void update.submit({ params: { id: household.id }, body });
    else void create.submit({ body });
  };
  return (
    <FormModal
      title={household ? t(M.editHousehold) : t(M.newHousehold)}
      form={form}
      onClose={onClose}
      busy={busy}
      onFinish={submit}
      initialValues={household ?? { nodeId }}
      alert={alert}
    >
      <Form.Item name="nodeId" label={t(M.node)} rules={[{ required: true, message: t(APP.required) }]}>
        <NodeTreeSelect selectable={selectable} />
      </Form.Item>
      <Form.Item
        name="headName"
        label={t(M.headName)}
        extra={t(M.headNameHelp)}
        rules={[rules.required(t), rules.max(t, LIMITS.personName)]}
      >
        <Input maxLength={LIMITS.personName} autoFocus />
      </Form.Item>
      <Form.Item name="building" label={t(M.building)} rules={[rules.max(t, PEOPLE_LIMITS.building)]}>
        <Input maxLength={PEOPLE_LIMITS.building} placeholder={t(M.buildingPlaceholder)} />
      </Form.Item>
      <Form.Item name="address" label={t(M.address)} rules={[rules.max(t, PEOPLE_LIMITS.address)]}>
        <Input maxLength={PEOPLE_LIMITS.address} />
      </Form.Item>
    </FormModal>
  );
}
