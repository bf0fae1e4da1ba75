import { useState } from 'react';
import { App, Button, Empty, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useApi, useApiMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { formatDateTime } from '../../../web/components/format';
import { useI18n } from '../../../web/i18n/i18n';
import { peopleApi } from '../../people/people.contract';
import { activitiesApi, type ActivityDetail, type Registration } from '../activities.contract';
import { PlacesText } from './activity-tags';
import { M } from './activities.messages';
import { ACTIVITY_CHANGES, useRegistrations } from './activities.queries';

const COLOR: Record<Registration['status'], string> = {
  registered: 'green',
  waitlisted: 'orange',
  cancelled: 'default',
};

/** Places in order of registering, then the waiting list in order, then the cancelled; staff add and cancel. */
export function RegistrationsTab({ a }: { a: ActivityDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const q = useRegistrations(a.id, a.permissions.update);
  const [search, setSearch] = useState('');
  // The resident search is the people module's endpoint.
  const found = useApi(
    peopleApi.list,
    { query: { q: search, pageSize: 20, page: 1 } },
    { enabled: search.trim().length > 0 },
  );
  const registration = useApiMutation(activitiesApi.register, {
    invalidates: ACTIVITY_CHANGES,
    onSuccess: (r) => {
      void message.success(t(r.status === 'registered' ? M.registerDone : M.waitlistDone));
      setSearch('');
    },
  });
  const busy = registration.busy;
  const register = (residentId: string) => registration.run({ params: { id: a.id }, body: { residentId } });
  const cancellation = useApiMutation(activitiesApi.unregister, { invalidates: ACTIVITY_CHANGES });
  const cancel = (r: Registration) => cancellation.run({ params: { id: a.id, residentId: r.residentId } });
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const label = { registered: t(M.registered), waitlisted: t(M.waitlisted), cancelled: t(M.regStatusCancelled) };
  let waitNo = 0;
  const open = a.status === 'open';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ fontSize: 16 }}>
        {t(M.places)}：<PlacesText a={a} />
      </div>
      {open ? (
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          value={null}
          onChange={(v: string | null) => v && void register(v)}
          options={(found.data?.items ?? []).map((r) => ({
            value: r.id,
            label: [r.name, r.nodeName, r.phone].filter(Boolean).join(' · '),
          }))}
          loading={found.isFetching || busy}
          disabled={busy}
          placeholder={`${t(M.addResident)}：${t(M.searchResident)}`}
          notFoundContent={null}
          style={{ width: '100%' }}
          size="large"
        />
      ) : (
        <Typography.Text type="secondary">{t(M.notOpenHint)}</Typography.Text>
      )}
      {q.data && q.data.items.length === 0 ? (
        <Empty description={t(M.noRegistrations)} />
      ) : (
        <List
          loading={q.isFetching && !q.data}
          dataSource={q.data?.items ?? []}
          renderItem={(r) => {
            if (r.status === 'waitlisted') waitNo++;
            return (
              <List.Item
                actions={
                  r.status !== 'cancelled' && open
                    ? [
                        <Popconfirm
                          key="c"
                          title={t(M.regCancelConfirm, { name: r.residentName })}
                          onConfirm={() => cancel(r)}
                        >
                          <Button size="small" danger>
                            {t(M.regCancel)}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span style={{ fontSize: 16 }}>{r.residentName}</span>
                      <Tag color={COLOR[r.status]}>
                        {r.status === 'waitlisted' ? t(M.regOrder, { n: waitNo }) : label[r.status]}
                      </Tag>
                    </Space>
                  }
                  description={
                    <>
                      {t(M.regAt)} {formatDateTime(r.createdAt, locale)}
                      {r.notice ? ` · ${r.notice}` : ''}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Space>
  );
}
