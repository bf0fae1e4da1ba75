import { useState } from 'react';
import type { z } from 'zod';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useApiMutation, useSaveMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { FilterCard, FilterNode } from '../../../web/components/filter-card';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { orDash } from '../../../web/components/table-columns';
import { rules } from '../../../web/components/rules';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { ACTIVITY_LIMITS } from '../activities.contract';
import { ACTIVITY_KEEPER_ROLES } from '../activities.policy';
import {
  EQUIPMENT_SUGGESTIONS,
  venuesApi,
  type Bookable,
  type BookableKind,
  type ZBookableCreate,
  type ZBookableUpdate,
} from '../venues.contract';
import { M } from './activities.messages';
import { useBookables, useRules } from './activities.queries';
import { VenueDrawer } from './venue-drawer';

const KEYS = ['kind', 'nodeId'] as const;

/** 场地与设备: each town's and centre's venues and equipment, and the county's booking notice. */
export function VenuesPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const url = useUrlQuery(KEYS);
  const kind: BookableKind = url.values.kind === 'equipment' ? 'equipment' : 'venue';
  const list = useBookables({ kind, nodeId: url.values.nodeId, page: url.page, pageSize: url.pageSize });
  const [editing, setEditing] = useState<Bookable | 'new' | null>(null);
  const [viewing, setViewing] = useState<Bookable | null>(null);
  const canAdd = hasRole(ACTIVITY_KEEPER_ROLES);
  return (
    <>
      <PageHeader
        title={t(M.venuesTitle)}
        extra={
          <>
            <NavButton to="/activities" icon={<ArrowLeftOutlined />} text={t(M.title)} />
            {canAdd && (
              <NewButton onClick={() => setEditing('new')}>{t(kind === 'venue' ? M.newVenue : M.newItem)}</NewButton>
            )}
          </>
        }
      />
      <NoticeCard />
      <FilterCard>
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 8 }}
          value={url.values.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyCentre)}
          label={t(M.owner)}
          selectable={(n) => n.level !== 'unit'}
        />
      </FilterCard>
      <Tabs
        size="large"
        activeKey={kind}
        onChange={(k) => url.set({ kind: k === 'equipment' ? 'equipment' : null })}
        items={[
          { key: 'venue', label: t(M.venues) },
          { key: 'equipment', label: t(M.equipmentTab) },
        ]}
      />
      <PageTable<Bookable>
        list={list}
        url={url}
        total={M.totalVenues}
        onOpen={(r) => setViewing(r)}
        columns={[
          { title: t(M.name), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
          { title: t(M.owner), dataIndex: 'nodeName' },
          ...(kind === 'venue'
            ? [
                { title: t(M.seats), dataIndex: 'seats', render: orDash },
                { title: t(M.address), dataIndex: 'address', render: orDash },
              ]
            : []),
          {
            title: t(M.status),
            dataIndex: 'active',
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? M.inUse : M.outOfUse)}</Tag>,
          },
        ]}
      />
      {viewing && (
        <VenueDrawer
          item={viewing}
          onClose={() => setViewing(null)}
          onEdit={() => {
            setEditing(viewing);
            setViewing(null);
          }}
        />
      )}
      {editing && (
        <BookableModal
          kind={kind}
          item={editing === 'new' ? null : editing}
          defaultNodeId={url.values.nodeId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

/** The create form's fields (the kind comes from the tab), and whether in use when editing. */
type Values = Omit<z.input<typeof ZBookableCreate>, 'kind'> & Pick<z.input<typeof ZBookableUpdate>, 'active'>;

function BookableModal({
  kind,
  item,
  defaultNodeId,
  onClose,
}: {
  kind: BookableKind;
  item: Bookable | null;
  defaultNodeId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation(form, venuesApi, { onSaved: onClose });
  const submit = (v: Values) => {
    const fields = {
      kind,
      name: v.name.trim(),
      seats: kind === 'venue' ? (v.seats ?? null) : null,
      address: kind === 'venue' ? v.address?.trim() || null : null,
    };
    if (item) void save.update({ params: { id: item.id }, body: { ...fields, active: v.active } });
    else void save.create({ body: { ...fields, nodeId: v.nodeId } });
  };
  return (
    <Modal
      open
      title={item ? `${t(APP.edit)} · ${item.name}` : t(kind === 'venue' ? M.newVenue : M.newItem)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(APP.save)}
      cancelText={t(APP.cancel)}
      okButtonProps={{ loading: save.busy }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={item ? { ...item } : { nodeId: defaultNodeId, active: true }}
      >
        {save.alert}
        {!item && (
          <Form.Item
            name="nodeId"
            label={t(M.owner)}
            extra={t(M.ownerHelp)}
            rules={[{ required: true, message: t(APP.required) }]}
          >
            <NodeTreeSelect selectable={(n) => n.level === 'town' || n.level === 'centre'} aria-label={t(M.owner)} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t(M.name)} rules={[rules.required(t), rules.max(t, ACTIVITY_LIMITS.venueName)]}>
          {kind === 'equipment' ? (
            <AutoComplete
              options={EQUIPMENT_SUGGESTIONS.map((v) => ({ value: v }))}
              maxLength={ACTIVITY_LIMITS.venueName}
            />
          ) : (
            <Input maxLength={ACTIVITY_LIMITS.venueName} />
          )}
        </Form.Item>
        {kind === 'venue' && (
          <>
            <Form.Item name="seats" label={t(M.seats)}>
              <InputNumber min={1} max={ACTIVITY_LIMITS.capacityMax} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="address" label={t(M.address)} rules={[rules.max(t, 200)]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {item && (
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>{t(M.activeField)}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The county's booking notice; county admins change it here. */
function NoticeCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rulesQ = useRules();
  const [days, setDays] = useState<Record<string, number | null>>({});
  const { run, busy } = useApiMutation(venuesApi.setRules, {
    onSuccess: () => void message.success(t(APP.saved)),
  });
  const items = rulesQ.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t(M.noticeTitle)} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(M.noticeHelp)}
      </Typography.Paragraph>
      {items.map((r) => (
        <Space key={r.countyId} wrap style={{ marginBottom: 8 }}>
          <strong>{r.countyName}</strong>
          {r.canSet ? (
            <>
              <InputNumber
                min={0}
                max={ACTIVITY_LIMITS.noticeDaysMax}
                precision={0}
                value={days[r.countyId] ?? r.noticeDays}
                onChange={(v) => setDays({ ...days, [r.countyId]: v })}
                suffix={t(M.noticeDays, { n: '' }).trim()}
                aria-label={t(M.noticeTitle)}
              />
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  void run({
                    params: { countyId: r.countyId },
                    body: { noticeDays: days[r.countyId] ?? r.noticeDays },
                  })
                }
              >
                {t(APP.save)}
              </Button>
            </>
          ) : (
            <span>{t(M.noticeDays, { n: r.noticeDays })}</span>
          )}
        </Space>
      ))}
    </Card>
  );
}
