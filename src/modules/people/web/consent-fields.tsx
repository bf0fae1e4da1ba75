import { useEffect } from 'react';
import { Alert, Checkbox, Col, Form, Radio, Row, type FormInstance } from 'antd';
import { CONSENT_METHOD_LABELS, CONSENT_METHODS, PEOPLE_LIMITS } from '../people.contract';
import { LIMITS } from '../../../shared/limits';
import { TextField } from '../../../web/components/field-text';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './people.messages';

type Path = (string | number)[];

/**
 * The consent part of a form: the box, purpose, method, and who gave it. For a child under
 * 14 a guardian must give it, so the guardian's fields are shown and "self" is not offered.
 */
export function ConsentFields({ base, child, form }: { base: Path; child: boolean; form: FormInstance }) {
  const { t, label } = useI18n();
  const at = (k: string) => [...base, k];
  const givenBy = Form.useWatch(at('givenBy'), form) as 'self' | 'guardian' | undefined;
  useEffect(() => {
    if (child && givenBy !== 'guardian') form.setFieldValue(at('givenBy'), 'guardian');
  }, [child, givenBy]);
  const guardian = child || givenBy === 'guardian';
  return (
    <>
      {child && <Alert type="info" showIcon title={t(M.childNeedsGuardian)} style={{ marginBottom: 12 }} />}
      <Form.Item
        name={at('given')}
        valuePropName="checked"
        rules={[
          {
            validator: async (_r, v) => {
              if (!v) throw new Error(t(M.consentGiven));
            },
          },
        ]}
      >
        <Checkbox style={{ fontSize: 16 }}>{t(M.consentGiven)}</Checkbox>
      </Form.Item>
      <TextField name={at('purpose')} label={t(M.consentPurpose)} max={PEOPLE_LIMITS.purpose} required />
      <Form.Item name={at('method')} label={t(M.consentMethod)} rules={[{ required: true }]}>
        <Radio.Group options={CONSENT_METHODS.map((m) => ({ value: m, label: label(CONSENT_METHOD_LABELS[m]) }))} />
      </Form.Item>
      <Form.Item name={at('givenBy')} label={t(M.consentBy)} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'self', label: t(M.bySelf), disabled: child },
            { value: 'guardian', label: t(M.byGuardian) },
          ]}
        />
      </Form.Item>
      {guardian && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <TextField name={at('guardianName')} label={t(M.guardianName)} max={LIMITS.personName} required />
          </Col>
          <Col xs={24} sm={12}>
            <TextField
              name={at('guardianRelation')}
              label={t(M.guardianRelation)}
              max={PEOPLE_LIMITS.relation}
              placeholder={t(M.guardianRelationPlaceholder)}
            />
          </Col>
        </Row>
      )}
    </>
  );
}
