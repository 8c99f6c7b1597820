import { useState } from 'preact/hooks';
import { reportingApi } from '../../api/pledge-api';
import { teamApi } from '../../api/team-api';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDateTime, formatPercent } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { TableWrap } from '../../components/table-wrap';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { UpdateStatusTag } from '../pledges/pledge-status';
import { DecisionForm } from '../review/decision-form';
import { PlausibilityWarnings } from '../updates/plausibility-warnings';
import { UpdateReadOnly } from '../updates/update-read-only';

const m = () => t.team;

/** The in-country approver's queue: the organisation's submissions waiting for approval, oldest first. */
export function ApprovalsPage() {
  const queue = useData(() => teamApi.approvals(), []);
  return (
    <>
      <PageHeader title={m().approvalsTitle} lead={m().approvalsLead} />
      <DataView state={queue}>
        {(q) => q.items.length === 0 ? <p class="muted">{m().approvalsNone}</p> : (
          <TableWrap label={m().approvalsCount(q.total)}>
            <table class="table">
              <caption>{m().approvalsCount(q.total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m().pledge}</th>
                  <th scope="col">{m().cycle}</th>
                  <th scope="col">{t.workbench.status}</th>
                  <th scope="col">{t.workbench.percent}</th>
                  <th scope="col">{m().submittedAt}</th>
                </tr>
              </thead>
              <tbody>
                {q.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row"><a href={`/workspace/approvals/${i.id}`}><bdi>{i.reference}</bdi> {i.title ?? ''}</a></th>
                    <td class="nowrap">{i.cycle}</td>
                    <td>{t.updates.implementation[i.status]}</td>
                    <td class="num">{formatPercent(i.percentComplete / 100)}</td>
                    <td class="nowrap">{formatDateTime(i.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </DataView>
    </>
  );
}

/** One submission awaiting approval, beside last cycle's, with its plausibility warnings: approve, or return with a comment. */
export function ApprovalPage({ params }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const state = useData(() => reportingApi.update(params.id), [params.id, reload]);
  return (
    <DataView state={state}>
      {(u) => (
        <>
          <PageHeader
            title={m().approvalTitle(u.cycle)}
            kicker={`${u.pledge.reference} · ${u.pledge.title ?? ''}`}
            crumbs={[{ href: '/workspace/approvals', label: m().approvalsNav }]}
          />
          {done && <p class="notice notice--success" role="status">{done}</p>}
          <p class="status-line"><UpdateStatusTag status={u.editorialStatus} /></p>
          {u.editorialStatus === 'awaiting_approval' && (
            <DecisionForm
              id={`approve-update-${u.id}-v${u.version}`}
              approveLabel={m().approve}
              onApprove={async () => {
                await teamApi.approve(u.id, u.version);
                setDone(m().approved);
                setReload((n) => n + 1);
              }}
              onReturn={async (comment) => {
                await teamApi.sendBack(u.id, u.version, comment);
                setDone(m().sentBack);
                setReload((n) => n + 1);
              }}
            />
          )}
          <PlausibilityWarnings warnings={u.warnings} />
          <UpdateReadOnly update={u} />
        </>
      )}
    </DataView>
  );
}
