import { Form } from 'antd';
import { PEOPLE_LIMITS, peopleApi, type HouseholdDetail, type HouseholdFields } from '../people.contract';
import { LIMITS } from '../../../shared/limits';
import { useSaveMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
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
  const [form] = Form.useForm<HouseholdFields>();
  const selectable = useResidentNodes();
  const save = useSaveMutation(
    form,
    { create: peopleApi.createHousehold, update: peopleApi.updateHousehold },
    { saved: t(M.householdSaved), onSaved: (out) => onSaved('id' in out ? out.id : household!.id) },
  );
  const submit = (v: HouseholdFields) => {
    const body = { ...v, building: v.building || null, address: v.address || null };
    if (household) void save.update({ params: { id: household.id }, body });
    else void save.create({ body });
  };
  return (
    <FormModal
      title={household ? t(M.editHousehold) : t(M.newHousehold)}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={household ?? { nodeId }}
    >
      <Form.Item name="nodeId" label={t(M.node)} rules={[rules.chosen(t)]}>
        <NodeTreeSelect selectable={selectable} />
      </Form.Item>
      <TextField
        name="headName"
        label={t(M.headName)}
        extra={t(M.headNameHelp)}
        max={LIMITS.personName}
        required
        autoFocus
      />
      <TextField
        name="building"
        label={t(M.building)}
        max={PEOPLE_LIMITS.building}
        placeholder={t(M.buildingPlaceholder)}
      />
      <TextField name="address" label={t(M.address)} max={PEOPLE_LIMITS.address} />
    </FormModal>
  );
}
