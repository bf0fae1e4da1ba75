import { peopleApi, type Resident } from '../../people/people.contract';
import { ListSearchSelect, type SearchSelectProps } from '../../../web/components/field-search-select';
import { M } from './teachers.messages';

/** Find the resident this teacher is, by name, pinyin or phone digits (the server checks the reach again). */
export function ResidentSelect(props: SearchSelectProps<Resident>) {
  return (
    <ListSearchSelect
      {...props}
      list={peopleApi.list}
      optionLabel={(r) => [r.name, r.nodeName, r.phone].filter(Boolean).join(' · ')}
      placeholder={M.searchResident}
    />
  );
}
