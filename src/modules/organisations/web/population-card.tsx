import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type NodeDetail, type Population } from '../org.contract';
import { LIMITS } from '../../../shared/limits';
import { useApiMutation, useFormMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { EditDeleteLinks } from '../../../web/components/list-row-actions';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './org.messages';
import { ORG_CHANGES } from './org.queries';
import { chinaYear } from '../../../shared/china-time';
import { WholeTable } from '../../../web/components/page-table';

/** 常住人口 by year: the denominators for participation and funding per resident. */
export function PopulationCard({ node }: { node: NodeDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Population | 'new' | null>(null);
  const canEdit = node.permissions.update;
  const rows = [...node.populations].sort((a, b) => b.year - a.year);
  const removal = useApiMutation(orgApi.removePopulation, {
    invalidates: ORG_CHANGES,
    onSuccess: () => void message.success(t(APP.deleted)),
  });
  const remove = (year: number) => removal.run({ params: { id: node.id, year } });

  return (
    <Card
      title={t(M.populations)}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t(M.addYear)}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
        {t(M.populationsHelp)}
      </Typography.Paragraph>
      <WholeTable<Population>
        rowKey="year"
        size="middle"
        rows={rows}
        empty={t(M.noPopulation)}
        columns={[
          { title: t(M.year), dataIndex: 'year', width: 100 },
          {
            title: t(M.populations),
            dataIndex: 'population',
            render: (v: number) => t(M.people, { n: v.toLocaleString(locale) }),
          },
          ...(canEdit
            ? [
                {
                  title: t(APP.actions),
                  key: 'a',
                  width: 150,
                  render: (_: unknown, r: Population) => (
                    <EditDeleteLinks
                      onEdit={() => setEditing(r)}
                      confirm={t(M.removeYear, { year: r.year })}
                      onDelete={() => remove(r.year)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PopulationModal node={node} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function PopulationModal({ node, row, onClose }: { node: NodeDetail; row: Population | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Population>();
  const save = useFormMutation(form, orgApi.setPopulation, {
    invalidates: ORG_CHANGES,
    onSuccess: () => {
      void message.success(t(APP.saved));
      onClose();
    },
  });
  const taken = new Set(node.populations.map((p) => p.year));
  const thisYear = chinaYear();
  const suggested = taken.has(thisYear) ? Math.min(Math.max(...taken) + 1, LIMITS.yearMax) : thisYear;

  const submit = (v: Population) =>
    save.submit({ params: { id: node.id, year: v.year }, body: { population: v.population } });

  return (
    <Modal
      open
      title={row ? t(M.editYear, { year: row.year }) : t(M.newYear)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(APP.save)}
      cancelText={t(APP.cancel)}
      confirmLoading={save.busy}
      destroyOnHidden
    >
      <Form<Population> form={form} layout="vertical" initialValues={row ?? { year: suggested }} onFinish={submit}>
        {save.alert}
        <Form.Item
          name="year"
          label={t(M.year)}
          rules={[
            { required: true, message: t(APP.required) },
            {
              validator: async (_r, v: number) => {
                if (!row && taken.has(v)) throw new Error(t(M.yearTaken, { year: v }));
              },
            },
          ]}
        >
          <InputNumber
            min={LIMITS.yearMin}
            max={LIMITS.yearMax}
            precision={0}
            disabled={!!row}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="population" label={t(M.population)} rules={[{ required: true, message: t(APP.required) }]}>
          <InputNumber
            min={0}
            max={LIMITS.population}
            precision={0}
            style={{ width: '100%' }}
            autoFocus
            inputMode="numeric"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
