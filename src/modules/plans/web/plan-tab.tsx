import { useState } from 'react';
import type { z } from 'zod';
import { Button, Card, Empty, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useApiMutation, useSaveMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { rules } from '../../../web/components/rules';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { useThemeName } from '../../themes/web';
import {
  MIN_ACTIVITIES_PER_MONTH,
  PLAN_LIMITS,
  plansApi,
  type Plan,
  type PlanItem,
  type ZPlanItemUpdate,
} from '../plans.contract';
import { MONTHS, MonthField, monthKey } from './months';
import { M } from './plans.messages';
import { usePlan, usePlanOptions } from './plans.queries';

/** The form holds the contract's input. */
type ItemValues = z.input<typeof ZPlanItemUpdate>;
import { chinaMonth } from '../../../shared/china-time';

/** The activities page for a centre's month. */
export const activitiesOf = (centreId: string, year: number, month: number) =>
  `/activities?centreId=${centreId}&month=${monthKey(year, month)}`;

/** A centre's annual plan: twelve months, each with its planned activities and how many were held. */
export function PlanTab({
  centreId,
  year,
  onTown,
}: {
  centreId?: string;
  year: number;
  onTown: (townId: string) => void;
}) {
  const { t } = useI18n();
  const q = usePlan(centreId, year);
  const [editing, setEditing] = useState<{ month: number; item: PlanItem | null } | null>(null);
  if (!centreId) return <Empty description={t(M.chooseCentre)} />;
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const plan = q.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t(M.ruleHint, { n: MIN_ACTIVITIES_PER_MONTH })}</Typography.Text>
        {plan.town && (
          <Button icon={<TableOutlined />} onClick={() => onTown(plan.town!.id)}>
            {t(M.townSchedule)}
          </Button>
        )}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 12 }}>
        {MONTHS.map((m) => (
          <MonthCard key={m} plan={plan} month={m} onEdit={(item) => setEditing({ month: m, item })} />
        ))}
      </div>
      {editing && (
        <PlanItemModal plan={plan} month={editing.month} item={editing.item} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}

function MonthCard({ plan, month, onEdit }: { plan: Plan; month: number; onEdit: (item: PlanItem | null) => void }) {
  const { t } = useI18n();
  const themeName = useThemeName();
  const navigate = useNavigate();
  const remove = useApiMutation(plansApi.remove);
  const items = plan.items.filter((i) => i.month === month);
  const held = plan.actual[month - 1];
  const ok = held >= MIN_ACTIVITIES_PER_MONTH;
  const now = chinaMonth();
  const over = monthKey(plan.year, month) < now;
  return (
    <Card
      size="small"
      title={<span style={{ fontSize: 17 }}>{t(M.monthN, { m: month })}</span>}
      extra={
        <Tag
          color={ok ? 'green' : over ? 'red' : 'default'}
          style={{ cursor: 'pointer' }}
          onClick={() => navigate(activitiesOf(plan.centre.id, plan.year, month))}
        >
          {t(M.plannedHeld, { p: items.length, a: held })}
        </Tag>
      }
      actions={
        plan.canKeep
          ? [
              <Button key="add" type="link" icon={<PlusOutlined />} onClick={() => onEdit(null)}>
                {t(M.addItem)}
              </Button>,
            ]
          : undefined
      }
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t(M.noItems)}</Typography.Text>
      ) : (
        items.map((i) => (
          <div
            key={i.id}
            style={{
              display: 'flex',
              gap: 8,
              alignItems: 'flex-start',
              padding: '6px 0',
              borderBottom: '1px solid #eef2ef',
            }}
          >
            <div style={{ flex: 1 }}>
              <div style={{ fontSize: 16 }}>{i.title}</div>
              <div style={{ color: '#5b6b63', fontSize: 13 }}>
                {themeName(i.theme)}
                {i.responsibleUnitName ? ` · ${i.responsibleUnitName}` : ''}
                {i.note ? ` · ${i.note}` : ''}
              </div>
            </div>
            {plan.canKeep && (
              <>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t(APP.edit)}
                  onClick={() => onEdit(i)}
                />
                <Popconfirm
                  title={t(M.removeConfirm, { title: i.title })}
                  onConfirm={() => remove.run({ params: { id: i.id } })}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t(APP.delete)} />
                </Popconfirm>
              </>
            )}
          </div>
        ))
      )}
    </Card>
  );
}

function PlanItemModal({
  plan,
  month,
  item,
  onClose,
}: {
  plan: Plan;
  month: number;
  item: PlanItem | null;
  onClose: () => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<ItemValues>();
  const save = useSaveMutation(form, plansApi, { onSaved: onClose });
  const opts = usePlanOptions(plan.centre.id, true);
  const submit = (v: ItemValues) => {
    const body = {
      month: v.month,
      title: v.title.trim(),
      theme: v.theme,
      responsibleUnitId: v.responsibleUnitId ?? null,
      note: v.note?.trim() || null,
    };
    if (item) void save.update({ params: { id: item.id }, body });
    else void save.create({ body: { ...body, centreId: plan.centre.id, year: plan.year } });
  };
  return (
    <FormModal<ItemValues>
      title={t(item ? M.editItem : M.newItem)}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={item ?? { month }}
    >
      <MonthField />
      <Form.Item name="title" label={t(M.itemTitle)} rules={[rules.required(t), rules.max(t, PLAN_LIMITS.title)]}>
        <Input maxLength={PLAN_LIMITS.title} />
      </Form.Item>
      <Form.Item name="theme" label={t(M.theme)} rules={[{ required: true, message: t(APP.required) }]}>
        <Select
          loading={opts.isPending}
          options={(opts.data?.themes ?? []).map((x) => ({
            value: x.key,
            label: label({ zh: x.nameZh, en: x.nameEn }),
          }))}
        />
      </Form.Item>
      <Form.Item name="responsibleUnitId" label={t(M.unit)}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(opts.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t(M.note)} rules={[rules.max(t, PLAN_LIMITS.note)]}>
        <Input maxLength={PLAN_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}
