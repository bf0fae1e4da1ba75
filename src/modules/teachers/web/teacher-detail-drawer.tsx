import { useState } from 'react';
import { Button, Space } from 'antd';
import { EditOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/china-time';
import {
  DetailActions,
  DetailBody,
  DetailFields,
  DetailHistory,
  DetailSection,
} from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { GENDER_LABELS, TEACHER_SOURCE_LABELS, TEACHER_STATUS_LABELS, type TeacherDetail } from '../teachers.contract';
import { RecordRangeModal } from './record-range-modal';
import { StatusChangeModal } from './status-change-modal';
import { CategoryTag, TeacherStatusTag, ThemeTags } from './teacher-tags';
import { TeacherFormDrawer } from './teacher-form-drawer';
import { M } from './teachers.messages';
import { useTeacher } from './teachers.queries';

/** One teacher: details, status history, status change, edit, service record. */
export function TeacherDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useTeacher(id);
  return (
    <DetailDrawer query={q} title={(d) => d?.name ?? t(M.detailTitle)} onClose={onClose}>
      {(teacher) => <TeacherDetailView teacher={teacher} />}
    </DetailDrawer>
  );
}

function TeacherDetailView({ teacher }: { teacher: TeacherDetail }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const [printing, setPrinting] = useState(false);
  const p = teacher.permissions;
  const dash = (v: string | null) => v ?? '—';

  return (
    <DetailBody>
      <DetailActions>
        {p.update && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.editTeacher)}
          </Button>
        )}
        {p.changeStatus && (
          <Button icon={<SwapOutlined />} onClick={() => setChanging(true)}>
            {t(M.changeStatus)}
          </Button>
        )}
        {p.update && (
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
            {t(M.printRecord)}
          </Button>
        )}
      </DetailActions>
      <DetailFields
        items={[
          {
            key: 'bank',
            label: t(M.bank),
            children: t(teacher.bankLevel === 'town' ? M.townBank : M.centreBank, { name: teacher.bankNodeName }),
          },
          {
            key: 'status',
            label: t(M.status),
            children: (
              <Space size={4} wrap>
                <TeacherStatusTag status={teacher.status} />
                <span>
                  {t(M.statusSince)} {teacher.statusSince}
                </span>
              </Space>
            ),
          },
          { key: 'category', label: t(M.category), children: <CategoryTag category={teacher.category} /> },
          { key: 'source', label: t(M.source), children: label(TEACHER_SOURCE_LABELS[teacher.source]) },
          { key: 'gender', label: t(M.gender), children: teacher.gender ? label(GENDER_LABELS[teacher.gender]) : '—' },
          { key: 'phone', label: t(M.phone), children: dash(teacher.phone) },
          { key: 'spec', label: t(M.specialities), children: <ThemeTags themes={teacher.specialities} /> },
          { key: 'qual', label: t(M.qualifications), children: dash(teacher.qualifications) },
          { key: 'unit', label: t(M.workUnit), children: dash(teacher.workUnit) },
          { key: 'gov', label: t(M.govStaff), children: t(teacher.isGovernmentStaff ? APP.yes : APP.no) },
          { key: 'fee', label: t(M.feeEligible), children: t(teacher.feeEligible ? M.feeYes : M.feeNo) },
          { key: 'user', label: t(M.linkedUser), children: dash(teacher.userName) },
          { key: 'resident', label: t(M.linkedResident), children: dash(teacher.residentName) },
          ...(teacher.category === 'volunteer' || teacher.approvedHours > 0
            ? [{ key: 'hours', label: t(M.approvedHours), children: t(M.hoursN, { n: teacher.approvedHours }) }]
            : []),
          { key: 'note', label: t(M.note), children: dash(teacher.note) },
        ]}
      />
      <DetailSection title={t(M.history)}>
        <DetailHistory
          entries={teacher.history.map((h) => ({
            key: h.id,
            color: h.status === 'active' ? 'green' : h.status === 'paused' ? 'orange' : 'gray',
            what: (
              <>
                <strong>{h.effectiveDate}</strong> · {label(TEACHER_STATUS_LABELS[h.status])}
                {h.reason ? `：${h.reason}` : ''}
              </>
            ),
            by: t(M.historyBy, { date: formatDateTime(h.changedAt), by: h.changedByName ?? '—' }),
          }))}
        />
      </DetailSection>
      {editing && (
        <TeacherFormDrawer
          mode={{ kind: 'edit', teacher }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {changing && <StatusChangeModal teacher={teacher} onClose={() => setChanging(false)} />}
      {printing && <RecordRangeModal teacherId={teacher.id} onClose={() => setPrinting(false)} />}
    </DetailBody>
  );
}
