import { useState } from 'react';
import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './teachers.messages';
import { chinaToday } from '../../../shared/china-time';

/** The printable record's path (a page of its own, outside the app frame). */
export const recordPath = (teacherId: string, from: string, to: string) =>
  `/print/service-record/${teacherId}?from=${from}&to=${to}`;

/** Asks for the period, then opens the printable 志愿服务记录证明 in a new tab. */
export function RecordRangeModal({ teacherId, onClose }: { teacherId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(chinaToday()).startOf('year'), dayjs(chinaToday())]);
  const open = () => {
    window.open(
      recordPath(teacherId, range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')),
      '_blank',
      'noopener',
    );
    onClose();
  };
  return (
    <Modal
      open
      title={t(M.recordTitle)}
      onCancel={onClose}
      onOk={open}
      okText={t(M.recordOpen)}
      cancelText={t(APP.cancel)}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t(M.recordRange)}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
