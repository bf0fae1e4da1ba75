import type { ReactNode } from 'react';
import { Form, InputNumber, Select, Switch, Table, Tag, Typography, type FormItemProps } from 'antd';
import { NODE_LEVEL_LABELS, NODE_LEVELS } from '../../../shared/roles';
import { useFormMutation } from '../../../web/api/hooks';
import { FormDrawer } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { indicatorsApi, type TargetFields, type Targets } from '../indicators.contract';
import { MEASURE_DEFS } from '../indicators.measures';
import { M } from './indicators.messages';

type Values = { targets: TargetFields[] };
type Row = Targets['targets'][number] & { i: number };

/** Words in place of an input: the form item's value (kept as it is, null) is not shown or changed. */
const Note = ({ text }: { text: string; value?: unknown }) => (
  <Typography.Text type="secondary">{text}</Typography.Text>
);

/** County admins set each measure's target for a year: on or off, the value, which way is good, the levels judged. */
export function TargetsDrawer({ targets, onClose }: { targets: Targets; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { submit, busy, alert } = useFormMutation(form, indicatorsApi.setTargets, {
    success: t(APP.saved),
    onSuccess: onClose,
  });
  // One column of the table: a field of each row's target, named "<measure> <field>" for screen readers.
  const field = (
    name: keyof TargetFields,
    title: string,
    input: (aria: string, r: Row) => ReactNode,
    item: FormItemProps = {},
  ) => ({
    title,
    key: name,
    render: (_: unknown, r: Row) => (
      <Form.Item name={['targets', r.i, name]} noStyle {...item}>
        {input(`${label(MEASURE_DEFS[r.measure].label)} ${title}`, r)}
      </Form.Item>
    ),
  });
  // Measures cedu does not record yet keep their target too: it applies once their module is in use.
  const rows = targets.targets.map((target, i) => ({ ...target, i }));
  return (
    <FormDrawer<Values>
      title={t(M.targetsTitle, { county: targets.countyName, year: targets.year })}
      width={960}
      form={form}
      busy={busy}
      onClose={onClose}
      alert={alert}
      initialValues={{ targets: targets.targets.map(({ isDefault: _, ...f }) => f) }}
      onFinish={(v) =>
        submit({
          params: { countyId: targets.countyId },
          body: { year: targets.year, targets: v.targets.map((x, i) => ({ ...x, measure: rows[i].measure })) },
        })
      }
    >
      <Typography.Paragraph type="secondary">{t(M.targetsHelp)}</Typography.Paragraph>
      <Table
        rowKey="measure"
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        columns={[
          {
            title: t(M.measureCol),
            key: 'measure',
            render: (_: unknown, r: Row) => (
              <span>
                {label(MEASURE_DEFS[r.measure].label)} {r.isDefault && <Tag>{t(M.isDefault)}</Tag>}
              </span>
            ),
          },
          field('enabled', t(M.enabled), (aria) => <Switch aria-label={aria} />, { valuePropName: 'checked' }),
          field('direction', t(M.direction), (aria, r) => (
            <Select
              style={{ width: 100 }}
              aria-label={aria}
              disabled={!!MEASURE_DEFS[r.measure].judgedBy}
              options={[
                { value: 'at_least', label: t(M.at_least) },
                { value: 'at_most', label: t(M.at_most) },
              ]}
            />
          )),
          field('threshold', t(M.threshold), (aria, r) => {
            // Judged by a rule kept elsewhere (the staffing norm): no threshold to set here.
            const rule = MEASURE_DEFS[r.measure].judgedBy;
            return rule ? (
              <Note text={t(M.noThreshold, { rule: label(rule) })} />
            ) : (
              <InputNumber min={0} max={1_000_000} style={{ width: 110 }} aria-label={aria} />
            );
          }),
          field(
            'levels',
            t(M.levels),
            (aria) => (
              <Select
                mode="multiple"
                style={{ minWidth: 200 }}
                aria-label={aria}
                options={NODE_LEVELS.map((l) => ({ value: l, label: label(NODE_LEVEL_LABELS[l]) }))}
              />
            ),
            { noStyle: false, rules: [rules.chosen(t)], style: { margin: 0 } },
          ),
        ]}
      />
    </FormDrawer>
  );
}
