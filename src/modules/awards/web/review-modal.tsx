import { Form, Radio } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { NumberField } from '../../../web/components/field-number';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import {
  AWARD_LIMITS,
  RUBRIC_ITEMS,
  RUBRIC_LABELS,
  RUBRIC_MAX,
  nominationsApi,
  type NominationDetail,
  type Review,
} from '../awards.contract';
import { M } from './awards.messages';

type Values = { outcome: Review['outcome']; scores: Review['scores']; comment?: string };

/** The town's review: the short rubric, a comment, pass on or return. */
export function ReviewModal({ nomination, onClose }: { nomination: NominationDetail; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const send = useFormMutation(form, nominationsApi.review, {
    success: (_, { body }) => t(body.outcome === 'reviewed' ? M.reviewed : M.returnIt),
    onSuccess: onClose,
  });
  const submit = (v: Values) =>
    send.submit({
      params: { id: nomination.id },
      body: { outcome: v.outcome, scores: v.scores, comment: v.comment?.trim() || null },
    });
  return (
    <FormModal<Values>
      title={`${t(M.reviewTitle)} · ${nomination.nomineeName}`}
      onClose={onClose}
      {...send.formProps(submit)}
      initialValues={{ outcome: 'reviewed', scores: { deeds: 0, learning: 0, influence: 0 } }}
    >
      {RUBRIC_ITEMS.map((k) => (
        <NumberField
          key={k}
          name={['scores', k]}
          label={label(RUBRIC_LABELS[k])}
          min={0}
          max={RUBRIC_MAX[k]}
          precision={0}
          required
        />
      ))}
      <Form.Item name="outcome" label={t(M.review)}>
        <Radio.Group
          options={[
            { value: 'reviewed', label: t(M.pass) },
            { value: 'returned', label: t(M.returnIt) },
          ]}
        />
      </Form.Item>
      <TextField name="comment" label={t(M.reviewComment)} max={AWARD_LIMITS.comment} rows={3} />
    </FormModal>
  );
}
