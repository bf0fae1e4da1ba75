import { Button, Drawer, Empty, List, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { useDrawerWidth } from '../../../web/components/use-drawer-width';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import type { ActivityStatus } from '../activities.contract';
import type { Bookable } from '../venues.contract';
import { StatusTag } from './activity-tags';
import { chinaSpan } from './activity-time';
import { M } from './activities.messages';
import { useBookings } from './activities.queries';

/** A venue or item: what holds it from today on (to pick a free time), and its edit button. */
export function VenueDrawer({ item, onClose, onEdit }: { item: Bookable; onClose: () => void; onEdit: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useBookings(item.id, item.kind);
  const width = useDrawerWidth(520);
  return (
    <Drawer
      open
      size={width}
      title={`${item.name} · ${item.nodeName}`}
      onClose={onClose}
      destroyOnHidden
      extra={
        item.canKeep && (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t(APP.edit)}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Tag color={item.active ? 'green' : 'default'}>{t(item.active ? M.inUse : M.outOfUse)}</Tag>
          {item.seats ? (
            <span>
              {t(M.seats)}：{item.seats}
            </span>
          ) : null}
          {item.address ? <span style={{ marginInlineStart: 12 }}>{item.address}</span> : null}
        </div>
        <strong style={{ fontSize: 17 }}>{t(M.bookings)}</strong>
        {q.error ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data && q.data.items.length === 0 ? (
          <Empty description={t(M.noBookings)} />
        ) : (
          <List
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            renderItem={(b) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/activities?open=${b.activityId}`)}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{b.title}</span>
                      <StatusTag status={b.status as ActivityStatus} />
                    </Space>
                  }
                  description={`${chinaSpan(b.startsAt, b.endsAt)} · ${b.centreName}`}
                />
              </List.Item>
            )}
          />
        )}
      </Space>
    </Drawer>
  );
}
