import { newIdempotencyKey, pledgeApi } from '../../api/pledge-api';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { loadCatalogue } from './catalogue';
import { PledgeForm } from './pledge-form';
import { emptyPledge, valuesOf } from './pledge-model';

const crumbs = [{ href: '/workspace/pledges', label: t.ws.nav.pledges }];

export function NewPledgePage() {
  const state = useData(loadCatalogue, []);
  return (
    <>
      <PageHeader title={t.pledgeEdit.newTitle} lead={t.pledgeEdit.newLead} crumbs={crumbs} />
      <DataView state={state}>{(catalogue) => <PledgeForm pledge={null} initial={emptyPledge(newIdempotencyKey())} catalogue={catalogue} />}</DataView>
    </>
  );
}

export function EditPledgePage({ params }: RouteProps) {
  const state = useData(() => Promise.all([pledgeApi.get(params.id), loadCatalogue()]), [params.id]);
  return (
    <DataView state={state}>
      {([pledge, catalogue]) => (
        <>
          <PageHeader
            title={t.pledgeEdit.editTitle(pledge.reference)}
            lead={pledge.status === 'published' ? t.pledgeEdit.editPublishedLead : undefined}
            crumbs={[...crumbs, { href: `/workspace/pledges/${pledge.id}`, label: pledge.reference }]}
          />
          {pledge.status === 'submitted' || pledge.status === 'withdrawn' ? (
            <p class="notice">{t.pledgeEdit.notEditable[pledge.status]}</p>
          ) : (
            <PledgeForm key={pledge.version} pledge={pledge} initial={valuesOf(pledge)} catalogue={catalogue} />
          )}
        </>
      )}
    </DataView>
  );
}
