import { App, Form, Input, InputNumber, Switch } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { useAdminReach } from '../../../web/auth/admin-reach';
import { FormDrawer } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { CREDIT_LIMITS, creditsApi, type Reward, type RewardInput } from '../credits.contract';
import { M } from './credits.messages';
import { CREDITS_TAGS } from './credits.queries';

/** One form for adding and editing a reward; the offering node is fixed once created. */
export function RewardFormDrawer({ reward, onClose }: { reward: Reward | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { canAdminister } = useAdminReach();
  const [form] = Form.useForm<RewardInput>();
  const saved = {
    invalidates: CREDITS_TAGS,
    onSuccess: () => {
      void message.success(t(M.rewardSaved));
      onClose();
    },
  };
  const create = useFormMutation(form, creditsApi.createReward, saved);
  const update = useFormMutation(form, creditsApi.updateReward, saved);
  const busy = create.busy || update.busy;
  const submit = (v: RewardInput) => {
    const body: RewardInput = { ...v, name: v.name.trim(), description: (v.description ?? '').trim() };
    if (reward) void update.submit({ params: { id: reward.id }, body });
    else void create.submit({ body });
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
      busy={busy}
      onClose={onClose}
      onSave={() => form.submit()}
    >
      <Form<RewardInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={initial}
        size="large"
      >
        {create.alert}
        {update.alert}
        <Form.Item
          name="nodeId"
          label={t(M.offeredBy)}
          extra={t(M.offeredByHelp)}
          rules={[{ required: true, message: t(APP.required) }]}
        >
          {reward ? (
            <Input value={reward.nodeName} disabled />
          ) : (
            <NodeTreeSelect
              selectable={(n) => (n.level === 'county' || n.level === 'town') && canAdminister(n)}
              aria-label={t(M.offeredBy)}
            />
          )}
        </Form.Item>
        <Form.Item
          name="name"
          label={t(M.rewardName)}
          rules={[rules.required(t), rules.max(t, CREDIT_LIMITS.rewardName)]}
        >
          <Input maxLength={CREDIT_LIMITS.rewardName} />
        </Form.Item>
        <Form.Item name="description" label={t(M.description)} rules={[rules.max(t, CREDIT_LIMITS.rewardDescription)]}>
          <Input.TextArea rows={2} maxLength={CREDIT_LIMITS.rewardDescription} showCount />
        </Form.Item>
        <Form.Item name="cost" label={t(M.cost)} rules={[{ required: true, message: t(APP.required) }]}>
          <InputNumber
            min={0.5}
            max={CREDIT_LIMITS.costMax}
            step={1}
            precision={1}
            inputMode="decimal"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="stock" label={t(M.stock)} rules={[{ required: true, message: t(APP.required) }]}>
          <InputNumber
            min={0}
            max={CREDIT_LIMITS.stockMax}
            step={1}
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="active" label={t(M.active)} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
