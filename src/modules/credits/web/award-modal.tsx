import { Form } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { NumberField } from '../../../web/components/field-number';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { CREDIT_LIMITS, creditsApi, type Award } from '../credits.contract';
import { M } from './credits.messages';
import { CREDITS_TAGS } from './credits.queries';

/** Staff award credits by hand, always with a reason. */
export function AwardModal({ residentId, name, onClose }: { residentId: string; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Award>();
  const award = useFormMutation(form, creditsApi.award, {
    invalidates: CREDITS_TAGS,
    success: (_, { body }) => t(M.awarded, { n: body.amount }),
    onSuccess: onClose,
  });
  const submit = (v: Award) =>
    void award.submit({ params: { residentId }, body: { amount: v.amount, reason: v.reason.trim() } });
  return (
    <FormModal<Award>
      title={t(M.awardTitle, { name })}
      onClose={onClose}
      {...award.formProps(submit)}
      okText={t(M.award)}
      initialValues={{ amount: 5 }}
    >
      <NumberField
        name="amount"
        label={t(M.amount)}
        min={0.5}
        max={CREDIT_LIMITS.awardMax}
        precision={1}
        size="large"
        required
      />
      <TextField
        name="reason"
        label={t(M.reason)}
        extra={t(M.reasonHelp)}
        max={CREDIT_LIMITS.reason}
        required
        rows={3}
        showCount
      />
    </FormModal>
  );
}
