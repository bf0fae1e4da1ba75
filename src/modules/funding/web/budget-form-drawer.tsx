import { Button, Col, Form, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useFormMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import {
  BUDGET_SOURCES,
  BUDGET_SOURCE_LABELS,
  FUNDING_LIMITS,
  fundingApi,
  type BudgetSource,
  type TownFunding,
} from '../funding.contract';
import { parseYuan, yuanInput, yuanText } from '../money';
import { M } from './funding.messages';
import { fenOf, YuanField } from './yuan-field';

type Values = { lines: { source: BudgetSource; amount: string; note?: string }[]; note?: string };

/** A town's budget for the year, line by line (source, amount in yuan, note); the total adds up as typed. */
export function BudgetFormDrawer({ funding, onClose }: { funding: TownFunding; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useFormMutation(form, fundingApi.setBudget, { onSuccess: onClose });
  const lines = Form.useWatch('lines', form) ?? [];
  const total = lines.reduce((a, l) => a + (parseYuan(l?.amount ?? '') ?? 0), 0);
  const initial: Values = {
    lines: (funding.budget?.lines ?? [{ source: 'government', amountFen: 0, note: null }]).map((l) => ({
      source: l.source,
      amount: yuanInput(l.amountFen),
      note: l.note ?? undefined,
    })),
    note: funding.budget?.note ?? undefined,
  };
  const submit = (v: Values) =>
    void save.submit({
      params: { townId: funding.townId },
      body: {
        year: funding.year,
        note: v.note?.trim() || null,
        lines: v.lines.map((l) => ({ source: l.source, amountFen: fenOf(l.amount), note: l.note?.trim() || null })),
      },
    });
  return (
    <FormDrawer
      title={t(M.budgetTitle, { town: funding.townName, year: funding.year })}
      width={640}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={24} sm={7}>
                  <Form.Item name={[f.name, 'source']} label={t(M.source)} rules={[rules.chosen(t)]}>
                    <Select
                      options={BUDGET_SOURCES.map((s) => ({ value: s, label: label(BUDGET_SOURCE_LABELS[s]) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={7}>
                  <YuanField name={[f.name, 'amount']} label={t(M.amount)} />
                </Col>
                <Col xs={20} sm={8}>
                  <TextField name={[f.name, 'note']} label={t(M.note)} max={FUNDING_LIMITS.lineNote} />
                </Col>
                <Col xs={4} sm={2}>
                  <Form.Item label=" ">
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t(M.removeLine)}
                      onClick={() => remove(f.name)}
                      disabled={fields.length === 1}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Space style={{ marginBottom: 16 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ source: 'other', amount: '' })}
                disabled={fields.length >= FUNDING_LIMITS.lines}
              >
                {t(M.addLine)}
              </Button>
              <strong>
                {t(M.total)}：{t(M.yuan, { v: yuanText(total) })}
              </strong>
            </Space>
          </>
        )}
      </Form.List>
      <TextField name="note" label={t(M.budgetNote)} max={FUNDING_LIMITS.budgetNote} rows={2} />
    </FormDrawer>
  );
}
