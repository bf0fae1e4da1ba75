import { App, Form, Input, Modal } from 'antd';
import type { HouseholdDetail, HouseholdFields } from '../people.contract';
import { PEOPLE_LIMITS } from '../people.contract';
import { LIMITS } from '../../../shared/limits';
import { api } from '../../../web/api/client';
import { useFormErrors } from '../../../web/components/form-errors';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { M } from './people.messages';
import { usePeopleRefresh } from './people.queries';
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
  const errors = useFormErrors(form);
  const refresh = usePeopleRefresh();
  const selectable = useResidentNodes();
  const submit = (v: HouseholdFields) =>
    errors.run(async () => {
      const body = { ...v, building: v.building || null, address: v.address || null };
      const id = household
        ? (await api.put(`/api/households/${household.id}`, body), household.id)
        : (await api.post<{ id: string }>('/api/households', body)).id;
      await refresh();
      void message.success(t(M.householdSaved));
      onSaved(id);
    });
  return (
    <Modal
      open
      title={household ? t(M.editHousehold) : t(M.newHousehold)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(APP.save)}
      cancelText={t(APP.cancel)}
      confirmLoading={errors.busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={household ?? { nodeId }}>
        {errors.alert}
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
      </Form>
    </Modal>
  );
}
