import { accountApi } from '../api/account-api';
import type { Option } from '../forms/fields';
import { t } from '../i18n';

/** Every organisation as select options, States and stakeholders in separate groups. */
export async function organisationOptions(): Promise<Option[]> {
  const first = await accountApi.organisations({ limit: 500 });
  const rest = first.total > first.items.length ? await accountApi.organisations({ limit: 500, offset: 500 }) : { items: [] };
  return [...first.items, ...rest.items].map((o) => ({
    value: o.id,
    label: o.name,
    group: o.kind === 'state' ? t.ws.users.groupStates : t.ws.users.groupStakeholders,
  }));
}
