import { Col, Form, InputNumber, Row } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { staffingApi, type Norm, type NormFields } from '../staffing.contract';
import { M } from './teachers.messages';

/** County admins set how many full-time and part-time people each centre should have. */
export function NormModal({ norm, onClose }: { norm: Norm; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NormFields>();
  const save = useFormMutation(form, staffingApi.setNorm, { success: t(APP.saved), onSuccess: onClose });
  const submit = (v: NormFields) => save.submit({ params: { countyId: norm.countyId }, body: v });

  const field = (name: keyof NormFields, label: string) => (
    <Col xs={24} sm={8}>
      <Form.Item name={name} label={label} rules={[rules.chosen(t)]}>
        <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <FormModal<NormFields>
      title={t(M.normTitle, { county: norm.countyName })}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={{ fullTimeMin: norm.fullTimeMin, partTimeMin: norm.partTimeMin, partTimeMax: norm.partTimeMax }}
    >
      <Row gutter={12}>
        {field('fullTimeMin', t(M.fullTimeMin))}
        {field('partTimeMin', t(M.partTimeMin))}
        {field('partTimeMax', t(M.partTimeMax))}
      </Row>
    </FormModal>
  );
}
