import type { ColumnType } from 'antd/es/table';
import { GENDER_LABELS, type Resident } from '../people.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './people.messages';
import { ResidentTags } from './resident-tags';

/** The columns the roster and a household's member list share: the same titles and the same blanks. */
export function useResidentColumns() {
  const { t, label } = useI18n();
  const gender: ColumnType<Resident> = {
    title: t(M.gender),
    dataIndex: 'gender',
    render: (v: Resident['gender']) => (v ? label(GENDER_LABELS[v]) : '—'),
  };
  const age: ColumnType<Resident> = {
    title: t(M.age),
    dataIndex: 'age',
    render: (v: number | null) => (v === null ? '—' : t(M.ageValue, { n: v })),
  };
  const tags: ColumnType<Resident> = {
    title: t(M.tags),
    dataIndex: 'tags',
    render: (v: string[]) => <ResidentTags codes={v} />,
  };
  return { gender, age, tags };
}
