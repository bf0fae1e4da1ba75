import { Alert, Col, Form, Row } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer } from '../../../web/components/form-drawer';
import { useI18n } from '../../../web/i18n/i18n';
import { FUNDING_LIMITS, fundingApi, type TownFunding } from '../funding.contract';
import { parseYuan, yuanInput, yuanText } from '../money';
import { M } from './funding.messages';
import { fenOf, YuanField } from './yuan-field';

type Values = { items: { centreId: string; amount: string; note?: string }[] };

/** Each centre's share of the town's year budget; the sum stays within the budget (the server checks it too). */
export function AllocationsFormDrawer({ funding, onClose }: { funding: TownFunding; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useFormMutation(form, fundingApi.setAllocations, { onSuccess: onClose });
  const items = Form.useWatch('items', form) ?? [];
  const sum = items.reduce((a, i) => a + (parseYuan(i?.amount ?? '') ?? 0), 0);
  const over = sum > funding.budgetFen;
  const initial: Values = {
    items: funding.centres.map((c) => ({
      centreId: c.centreId,
      amount: yuanInput(c.allocatedFen),
      note: c.note ?? undefined,
    })),
  };
  const submit = (v: Values) =>
    void save.submit({
      params: { townId: funding.townId },
      body: {
        year: funding.year,
        items: v.items
          .map((i) => ({ centreId: i.centreId, amountFen: fenOf(i.amount), note: i.note?.trim() || null }))
          .filter((i) => i.amountFen > 0 || i.note),
      },
    });
  return (
    <FormDrawer
      title={t(M.allocationsTitle, { town: funding.townName, year: funding.year })}
      width={640}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      <Alert
        type={over ? 'error' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(M.allocationsSum, { sum: yuanText(sum), budget: yuanText(funding.budgetFen) })}
        description={t(M.allocationsHelp, { budget: yuanText(funding.budgetFen) })}
      />
      <Form.List name="items">
        {(fields) =>
          fields.map((f, i) => (
            <Row key={f.key} gutter={8}>
              <Form.Item name={[f.name, 'centreId']} hidden>
                <input />
              </Form.Item>
              <Col xs={24} sm={12}>
                <YuanField name={[f.name, 'amount']} label={funding.centres[i]?.centreName} required={false} />
              </Col>
              <Col xs={24} sm={12}>
                <TextField name={[f.name, 'note']} label={t(M.note)} max={FUNDING_LIMITS.lineNote} />
              </Col>
            </Row>
          ))
        }
      </Form.List>
    </FormDrawer>
  );
}
