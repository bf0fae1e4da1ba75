import { Form, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
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

/** County admins set each measure's target for a year: on or off, the value, which way is good, the levels judged. */
export function TargetsDrawer({ targets, onClose }: { targets: Targets; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const { submit, busy, alert } = useFormMutation(form, indicatorsApi.setTargets, {
    success: t(APP.saved),
    onSuccess: onClose,
  });
  // Measures cedu does not record yet keep their target too: it applies once their module is in use.
  const rows = targets.targets.map(({ isDefault, ...fields }) => ({ ...fields, isDefault }));
  return (
    <FormDrawer<Values>
      title={t(M.targetsTitle, { county: targets.countyName, year: targets.year })}
      width={960}
      form={form}
      busy={busy}
      onClose={onClose}
      alert={alert}
      initialValues={{ targets: rows.map(({ isDefault: _, ...f }) => f) }}
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
        dataSource={rows.map((r, i) => ({ ...r, i }))}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        columns={[
          {
            title: t(M.measureCol),
            key: 'measure',
            render: (_: unknown, r) => (
              <span>
                {label(MEASURE_DEFS[r.measure].label)} {r.isDefault && <Tag>{t(M.isDefault)}</Tag>}
              </span>
            ),
          },
          {
            title: t(M.enabled),
            key: 'enabled',
            render: (_: unknown, r) => (
              <Form.Item name={['targets', r.i, 'enabled']} valuePropName="checked" noStyle>
                <Switch aria-label={`${label(MEASURE_DEFS[r.measure].label)} ${t(M.enabled)}`} />
              </Form.Item>
            ),
          },
          {
            title: t(M.direction),
            key: 'direction',
            render: (_: unknown, r) => (
              <Form.Item name={['targets', r.i, 'direction']} noStyle>
                <Select
                  style={{ width: 100 }}
                  aria-label={`${label(MEASURE_DEFS[r.measure].label)} ${t(M.direction)}`}
                  options={[
                    { value: 'at_least', label: t(M.at_least) },
                    { value: 'at_most', label: t(M.at_most) },
                  ]}
                />
              </Form.Item>
            ),
          },
          {
            title: t(M.threshold),
            key: 'threshold',
            render: (_: unknown, r) => (
              <Form.Item name={['targets', r.i, 'threshold']} noStyle>
                <InputNumber
                  min={0}
                  max={1_000_000}
                  style={{ width: 110 }}
                  aria-label={`${label(MEASURE_DEFS[r.measure].label)} ${t(M.threshold)}`}
                />
              </Form.Item>
            ),
          },
          {
            title: t(M.levels),
            key: 'levels',
            render: (_: unknown, r) => (
              <Form.Item name={['targets', r.i, 'levels']} rules={[rules.chosen(t)]} style={{ margin: 0 }}>
                <Select
                  mode="multiple"
                  style={{ minWidth: 200 }}
                  aria-label={`${label(MEASURE_DEFS[r.measure].label)} ${t(M.levels)}`}
                  options={NODE_LEVELS.map((l) => ({ value: l, label: label(NODE_LEVEL_LABELS[l]) }))}
                />
              </Form.Item>
            ),
          },
        ]}
      />
    </FormDrawer>
  );
}
