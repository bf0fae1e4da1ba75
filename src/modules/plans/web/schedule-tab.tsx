import { useState } from 'react';
import type { z } from 'zod';
import { Button, Card, Empty, Form, Input, Popconfirm, Select, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useApiMutation, useSaveMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { NewButton } from '../../../web/components/page-header';
import { rules } from '../../../web/components/rules';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { PLAN_LIMITS, plansApi, type Schedule, type ScheduleItem, type ZScheduleUpdate } from '../plans.contract';
import { MonthField } from './months';
import { M } from './plans.messages';
import { useSchedule } from './plans.queries';
import { WholeTable } from '../../../web/components/page-table';

/** The form holds the contract's input. */
type WorkValues = z.input<typeof ZScheduleUpdate>;

/** The town's 配档表: months × work items × responsible units; printable. */
export function ScheduleTab({ townId, year }: { townId?: string; year: number }) {
  const { t } = useI18n();
  const q = useSchedule(townId, year);
  const remove = useApiMutation(plansApi.removeWork);
  const [editing, setEditing] = useState<ScheduleItem | 'new' | null>(null);
  if (!townId) return <Empty description={t(M.chooseTown)} />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {s?.canKeep && <NewButton onClick={() => setEditing('new')}>{t(M.newWork)}</NewButton>}
        <Button icon={<PrinterOutlined />} href={`/print/schedule?townId=${townId}&year=${year}`} target="_blank">
          {t(M.print)}
        </Button>
      </div>
      <Card styles={{ body: { padding: 0 } }} title={s ? t(M.scheduleTitle, { town: s.town.name, year }) : undefined}>
        <WholeTable<ScheduleItem>
          rowKey="id"
          loading={q.isFetching}
          rows={s?.items ?? []}
          empty={t(M.noSchedule)}
          columns={[
            {
              title: t(M.month),
              dataIndex: 'month',
              render: (m: number) => <strong style={{ whiteSpace: 'nowrap' }}>{t(M.monthShort, { m })}</strong>,
            },
            {
              title: t(M.workItem),
              dataIndex: 'workItem',
              render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
            },
            {
              title: t(M.responsible),
              key: 'resp',
              render: (_: unknown, r) =>
                [...r.unitNames, ...(r.responsibleText ? [r.responsibleText] : [])].join('、') || '—',
            },
            { title: t(M.note), dataIndex: 'note', render: (v: string | null) => v ?? '' },
            ...(s?.canKeep
              ? [
                  {
                    title: t(APP.actions),
                    key: 'a',
                    render: (_: unknown, r: ScheduleItem) => (
                      <Space>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t(APP.edit)}
                          onClick={() => setEditing(r)}
                        />
                        <Popconfirm
                          title={t(M.removeConfirm, { title: r.workItem })}
                          onConfirm={() => remove.run({ params: { id: r.id } })}
                        >
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t(APP.delete)} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && s && (
        <ScheduleModal schedule={s} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}

function ScheduleModal({
  schedule,
  item,
  onClose,
}: {
  schedule: Schedule;
  item: ScheduleItem | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<WorkValues>();
  const save = useSaveMutation(
    form,
    { create: plansApi.createWork, update: plansApi.updateWork },
    { onSaved: onClose },
  );
  const submit = (v: WorkValues) => {
    const body = {
      month: v.month,
      workItem: v.workItem.trim(),
      unitIds: v.unitIds ?? [],
      responsibleText: v.responsibleText?.trim() || null,
      note: v.note?.trim() || null,
    };
    if (item) void save.update({ params: { id: item.id }, body });
    else void save.create({ body: { ...body, townId: schedule.town.id, year: schedule.year } });
  };
  return (
    <FormModal<WorkValues>
      title={t(item ? M.editWork : M.newWork)}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={item ?? { month: 1, unitIds: [] }}
    >
      <MonthField />
      <Form.Item name="workItem" label={t(M.workItem)} rules={[rules.required(t), rules.max(t, PLAN_LIMITS.workItem)]}>
        <Input.TextArea rows={2} maxLength={PLAN_LIMITS.workItem} />
      </Form.Item>
      <Form.Item name="unitIds" label={t(M.responsible)}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={schedule.units.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item
        name="responsibleText"
        label={t(M.responsibleText)}
        extra={t(M.responsibleTextHelp)}
        rules={[rules.max(t, PLAN_LIMITS.responsibleText)]}
      >
        <Input maxLength={PLAN_LIMITS.responsibleText} />
      </Form.Item>
      <Form.Item name="note" label={t(M.note)} rules={[rules.max(t, PLAN_LIMITS.scheduleNote)]}>
        <Input maxLength={PLAN_LIMITS.scheduleNote} />
      </Form.Item>
    </FormModal>
  );
}
