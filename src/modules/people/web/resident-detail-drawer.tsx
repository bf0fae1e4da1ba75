import { useState } from 'react';
import { Alert, App, Button, Tooltip, Typography } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  KeyOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { CREDIT_STAFF_ROLES } from '../../credits/credits.contract';
import {
  EDUCATION_LABELS,
  EMPLOYMENT_LABELS,
  GENDER_LABELS,
  RELATION_LABELS,
  peopleApi,
  type ResidentDetail,
} from '../people.contract';
import { useApiMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { DetailActions, DetailBody, DetailFields } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ConsentList } from './consent-list';
import { M } from './people.messages';
import { useResident } from './people.queries';
import { ResidentFormDrawer } from './resident-form-drawer';
import { ResidentTags } from './resident-tags';
import { chinaToday } from '../../../shared/china-time';
import { RESIDENT_ROLES } from '../../../shared/roles';

/** One resident: masked values with reveal, household, consents, and the person's rights (export, delete). */
export function ResidentDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useResident(id);
  return (
    <DetailDrawer query={q} width={640} title={(d) => d?.name ?? t(M.detailTitle)} onClose={onClose}>
      {(resident) => <ResidentDetailBody resident={resident} onGone={onClose} />}
    </DetailDrawer>
  );
}

/** A masked number with a button that asks the server for the full one (audited there). */
function Revealable({
  id,
  field,
  masked,
  allowed,
}: {
  id: string;
  field: 'idNumber' | 'phone';
  masked: string | null;
  allowed: boolean;
}) {
  const { t } = useI18n();
  const [clear, setClear] = useState<string | null>(null);
  const { run, busy } = useApiMutation(peopleApi.reveal, { invalidates: [], onSuccess: (out) => setClear(out.value) });
  if (!masked) return <>—</>;
  const reveal = () => void run({ params: { id }, body: { field } });
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 16 }}>{clear ?? masked}</span>
      {allowed && !clear && (
        <Tooltip title={t(M.revealNote)}>
          <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={reveal}>
            {t(M.reveal)}
          </Button>
        </Tooltip>
      )}
    </span>
  );
}

function download(name: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function ResidentDetailBody({ resident: r, onGone }: { resident: ResidentDetail; onGone: () => void }) {
  const { t, label, locale } = useI18n();
  const { hasRole } = useAuth();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState(false);
  // The export is audited on the server: a change, not a cached read.
  const exporter = useApiMutation(peopleApi.export, {
    invalidates: [],
    onSuccess: (data) => {
      download(`居民个人数据-${r.name}-${chinaToday()}.json`, data);
      void message.success(t(M.exported));
    },
  });
  const exportData = () => void exporter.run({ params: { id: r.id } });
  const remover = useApiMutation(peopleApi.remove);

  const remove = () =>
    modal.confirm({
      title: t(M.removeTitle, { name: r.name }),
      content: t(M.removeBody),
      okButtonProps: { danger: true },
      okText: t(M.remove),
      cancelText: t(APP.cancel),
      onOk: async () => {
        const done = await remover.run({ params: { id: r.id } });
        if (!done.ok) return;
        const res = done.out;
        if (res.outcome === 'deleted') {
          modal.success({ title: t(M.deletedTitle), content: t(M.deletedBody), okText: t(APP.confirm) });
          onGone();
          return;
        }
        const reasons = res.reasons
          .map((x) => t(M.reasonLine, { label: x.label, labelEn: x.labelEn, n: x.count }))
          .join(locale === 'zh-CN' ? '；' : '; ');
        modal.info({ title: t(M.anonymizedTitle), content: t(M.anonymizedBody, { reasons }), okText: t(APP.confirm) });
      },
    });

  return (
    <DetailBody>
      {r.anonymized && <Alert type="warning" showIcon title={t(M.anonymizedBanner)} />}
      <DetailActions>
        {r.permissions.update && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
        )}
        {r.permissions.export && (
          <Tooltip title={t(M.exportHelp)}>
            <Button icon={<DownloadOutlined />} loading={exporter.busy} onClick={exportData}>
              {t(M.exportData)}
            </Button>
          </Tooltip>
        )}
        {r.permissions.remove && (
          <Button danger icon={<DeleteOutlined />} onClick={remove}>
            {t(M.remove)}
          </Button>
        )}
        {hasRole(CREDIT_STAFF_ROLES) && !r.anonymized && (
          <Link to={`/credits?open=${r.id}`}>
            <Button icon={<TrophyOutlined />}>{t(M.creditsAndRecord)}</Button>
          </Link>
        )}
        {hasRole(RESIDENT_ROLES) && !r.anonymized && (
          <Link to={`/resident-accounts?q=${encodeURIComponent(r.name)}&open=${r.id}`}>
            <Button icon={<KeyOutlined />}>{t(M.phoneAccount)}</Button>
          </Link>
        )}
      </DetailActions>
      <DetailFields
        labelWidth={120}
        items={[
          { key: 'name', label: t(M.name), children: r.name },
          { key: 'gender', label: t(M.gender), children: r.gender ? label(GENDER_LABELS[r.gender]) : '—' },
          {
            key: 'birth',
            label: t(M.birthDate),
            children: r.birthDate ? `${r.birthDate}（${t(M.ageValue, { n: r.age })}）` : '—',
          },
          {
            key: 'id',
            label: t(M.idNumber),
            children: <Revealable id={r.id} field="idNumber" masked={r.idNumber} allowed={r.permissions.revealId} />,
          },
          {
            key: 'phone',
            label: t(M.phone),
            children: <Revealable id={r.id} field="phone" masked={r.phone} allowed={r.permissions.revealPhone} />,
          },
          { key: 'node', label: t(M.node), children: r.nodeName },
          {
            key: 'household',
            label: t(M.household),
            children: r.householdId ? (
              <span>
                {r.householdHeadName}
                {r.relationToHead && `（${label(RELATION_LABELS[r.relationToHead])}）`}{' '}
                <Link to={`/residents/households/${r.householdId}`}>{t(M.openHousehold)}</Link>
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'building', label: t(M.building), children: r.building ?? '—' },
          {
            key: 'education',
            label: t(M.education),
            children: r.education ? label(EDUCATION_LABELS[r.education]) : '—',
          },
          {
            key: 'employment',
            label: t(M.employment),
            children: r.employment ? label(EMPLOYMENT_LABELS[r.employment]) : '—',
          },
          { key: 'occupation', label: t(M.occupation), children: r.occupation ?? '—' },
          { key: 'tags', label: t(M.tags), children: <ResidentTags codes={r.tags} /> },
          {
            key: 'note',
            label: t(M.note),
            children: r.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Typography.Text> : '—',
          },
        ]}
      />
      <ConsentList resident={r} />
      {editing && (
        <ResidentFormDrawer
          mode={{ kind: 'edit', resident: r }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </DetailBody>
  );
}
