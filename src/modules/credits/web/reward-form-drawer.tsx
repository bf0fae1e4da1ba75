import { Form, Input, Switch } from 'antd';
import { useSaveMutation } from '../../../web/api/hooks';
import { useAdminReach } from '../../../web/auth/admin-reach';
import { NumberField } from '../../../web/components/field-number';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { CREDIT_LIMITS, creditsApi, type Reward, type RewardInput } from '../credits.contract';
import { M } from './credits.messages';
import { CREDITS_TAGS } from './credits.queries';

/** One form for adding and editing a reward; the offering node is fixed once created. */
export function RewardFormDrawer({ reward, onClose }: { reward: Reward | null; onClose: () => void }) {
  const { t } = useI18n();
  const { canAdminister } = useAdminReach();
  const [form] = Form.useForm<RewardInput>();
  const save = useSaveMutation(
    form,
    { create: creditsApi.createReward, update: creditsApi.updateReward },
    { invalidates: CREDITS_TAGS, saved: t(M.rewardSaved), onSaved: onClose },
  );
  const submit = (v: RewardInput) => {
    const body: RewardInput = { ...v, name: v.name.trim(), description: (v.description ?? '').trim() };
    if (reward) void save.update({ params: { id: reward.id }, body });
    else void save.create({ body });
  };
  const initial: Partial<RewardInput> = reward
    ? {
        nodeId: reward.nodeId,
        name: reward.name,
        description: reward.description,
        cost: reward.cost,
        stock: reward.stock,
        active: reward.active,
      }
    : { cost: 10, stock: 20, active: true, description: '' };
  return (
    <FormDrawer
      title={t(reward ? M.editReward : M.newReward)}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
      size="large"
    >
      <Form.Item name="nodeId" label={t(M.offeredBy)} extra={t(M.offeredByHelp)} rules={[rules.chosen(t)]}>
        {reward ? (
          <Input value={reward.nodeName} disabled />
        ) : (
          <NodeTreeSelect
            selectable={(n) => (n.level === 'county' || n.level === 'town') && canAdminister(n)}
            aria-label={t(M.offeredBy)}
          />
        )}
      </Form.Item>
      <TextField name="name" label={t(M.rewardName)} max={CREDIT_LIMITS.rewardName} required />
      <TextField name="description" label={t(M.description)} max={CREDIT_LIMITS.rewardDescription} rows={2} showCount />
      <NumberField name="cost" label={t(M.cost)} min={0.5} max={CREDIT_LIMITS.costMax} precision={1} required />
      <NumberField name="stock" label={t(M.stock)} min={0} max={CREDIT_LIMITS.stockMax} precision={0} required />
      <Form.Item name="active" label={t(M.active)} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
