import { usersApi, type User } from '../../accounts/account.contract';
import { ListSearchSelect, type SearchSelectProps } from '../../../web/components/field-search-select';
import { M } from './teachers.messages';

/** Find an account in the admin's reach by name or username (the server checks the link again). */
export function AccountSelect(props: SearchSelectProps<User>) {
  return (
    <ListSearchSelect
      {...props}
      list={usersApi.list}
      optionLabel={(u) => `${u.displayName} (${u.username}) · ${u.homeNodeName}`}
      placeholder={M.searchAccount}
    />
  );
}
