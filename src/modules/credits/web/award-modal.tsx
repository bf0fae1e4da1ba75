import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { CREDIT_LIMITS, creditsApi, type Award } from '../credits.contract';
import { M } from './credits.messages';
import { CREDITS_TAGS } from './credits.queries';

/** Staff award credits by hand, always with a reason. */
export function AwardModal({ residentId, name, onClose }: { residentId: string; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Award>();
  const award = useFormMutation(form, creditsApi.award, {
    invalidates: CREDITS_TAGS,
    onSuccess: (_, { body }) => {
      void message.success(t(M.awarded, { n: body.amount }));
      onClose();
    },
  });
  const submit = (v: Award) =>
    void award.submit({ params: { residentId }, body: { amount: v.amount, reason: v.reason.trim() } });
  return (
    <Modal
      open
      title={t(M.awardTitle, { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(M.award)}
      cancelText={t(APP.cancel)}
      confirmLoading={award.busy}
      destroyOnHidden
    >
      <Form<Award> form={form} layout="vertical" onFinish={submit} disabled={award.busy} initialValues={{ amount: 5 }}>
        {award.alert}
        <Form.Item name="amount" label={t(M.amount)} rules={[{ required: true, message: t(APP.required) }]}>
          <InputNumber
            min={0.5}
            max={CREDIT_LIMITS.awardMax}
            step={1}
            precision={1}
            inputMode="decimal"
            style={{ width: '100%' }}
            size="large"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(M.reason)}
          extra={t(M.reasonHelp)}
          rules={[rules.required(t), rules.max(t, CREDIT_LIMITS.reason)]}
        >
          <Input.TextArea rows={3} maxLength={CREDIT_LIMITS.reason} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
