import { useState } from 'preact/hooks';
import { accountApi } from '../../api/account-api';
import { teamApi, type TeamMember, type TeamView } from '../../api/team-api';
import type { RouteProps } from '../../app/router';
import { useSession } from '../../app/session';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { TableWrap } from '../../components/table-wrap';
import { useData } from '../../components/use-data';
import { ErrorSummary, SubmitButton } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { HandoverSection } from './handover';

const m = () => t.team;

/** The roles a member holds: every member is a focal point; the approver is one; the others are alternates of each other. */
function roles(member: TeamMember, team: TeamView): string {
  const list = [m().focalPoint];
  if (member.isApprover) list.push(m().approver);
  else if (team.members.filter((x) => x.active).length > 1 && member.active) list.push(m().alternate);
  return list.join(', ');
}

/** One member's actions for the secretariat: name or remove as approver, deactivate. */
function MemberActions({ member, team, onDone }: { member: TeamMember; team: TeamView; onDone: (message: string) => void }) {
  const form = useForm({ id: `member-${member.id}`, initial: {} });
  const act = (work: () => Promise<string>) => form.handle(async () => onDone(await work()));
  if (!member.active) return null;
  return (
    <div class="form__actions">
      <ErrorSummary form={form} labels={{}} />
      {member.isApprover ? (
        <form onSubmit={act(async () => (await teamApi.setApprover(team.organisationId, null), m().approverRemoved))} noValidate>
          <SubmitButton form={form} label={m().removeApprover} secondary />
        </form>
      ) : (
        <form onSubmit={act(async () => (await teamApi.setApprover(team.organisationId, member.id), m().approverSet(member.name)))} noValidate>
          <SubmitButton form={form} label={m().makeApprover(member.name)} secondary />
        </form>
      )}
      <form onSubmit={act(async () => (await accountApi.deactivate(member.id), m().deactivatedDone(member.name)))} noValidate>
        <SubmitButton form={form} label={m().deactivate(member.name)} secondary />
      </form>
    </div>
  );
}

function Members({ team, secretariat, onDone }: { team: TeamView; secretariat: boolean; onDone: (message: string) => void }) {
  const title = m().membersTitle(team.members.length);
  return (
    <section aria-labelledby="team-members">
      <h2 id="team-members">{title}</h2>
      {!team.approverId && <p class="muted">{m().noApprover}</p>}
      <TableWrap label={title}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{m().name}</th>
              <th scope="col">{m().email}</th>
              <th scope="col">{m().roles}</th>
              <th scope="col">{m().pledges}</th>
              <th scope="col">{m().state}</th>
              {secretariat && <th scope="col">{m().actions}</th>}
            </tr>
          </thead>
          <tbody>
            {team.members.map((u) => (
              <tr key={u.id} data-member={u.email}>
                <th scope="row">{u.name}</th>
                <td><bdi>{u.email}</bdi></td>
                <td>{roles(u, team)}</td>
                <td class="num">{u.pledges}</td>
                <td>{u.active ? m().active : m().deactivated}</td>
                {secretariat && <td><MemberActions member={u} team={team} onDone={onDone} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {secretariat && <p><a class="button button--secondary" href={`/workspace/users/invite?organisationId=${team.organisationId}`}>{m().invite}</a></p>}
    </section>
  );
}

/**
 * The organisation's team: its focal points with their roles, the approver,
 * and the handover of a departing official (secretariat or the approver).
 * Focal points open their own organisation's (/workspace/team); the
 * secretariat any organisation's (/workspace/organisations/:id/team).
 */
export function TeamPage({ params }: RouteProps) {
  const signedIn = useSession();
  const secretariat = signedIn?.user.role === 'secretariat';
  const organisationId = params.id ?? signedIn?.user.organisationId ?? '';
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useData(() => teamApi.team(organisationId), [organisationId, reload]);
  const done = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  return (
    <DataView state={state}>
      {(team) => {
        const mayHandOver = secretariat || team.approverId === signedIn?.user.id;
        return (
          <>
            <PageHeader
              title={m().title(team.organisation)}
              lead={m().lead}
              crumbs={secretariat ? [{ href: '/workspace/organisations', label: t.ws.nav.organisations }, { href: `/workspace/organisations/${team.organisationId}`, label: team.organisation }] : undefined}
            />
            {notice && <p class="notice notice--success" role="status">{notice}</p>}
            <Members team={team} secretariat={secretariat} onDone={done} />
            {mayHandOver && <HandoverSection team={team} selfId={signedIn?.user.id ?? ''} onDone={done} />}
            <History team={team} />
          </>
        );
      }}
    </DataView>
  );
}

function History({ team }: { team: TeamView }) {
  return (
    <section aria-labelledby="team-history">
      <h2 id="team-history">{m().historyTitle}</h2>
      {team.handovers.length === 0 ? <p class="muted">{m().noHistory}</p> : (
        <TableWrap label={m().historyTitle}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{m().when}</th>
                <th scope="col">{m().from}</th>
                <th scope="col">{m().to}</th>
                <th scope="col">{m().by}</th>
                <th scope="col">{m().moved}</th>
              </tr>
            </thead>
            <tbody>
              {team.handovers.map((h, i) => (
                <tr key={i}>
                  <td class="nowrap">{formatDateTime(h.at)}</td>
                  <td>{h.fromName ?? ''}</td>
                  <td>{h.toName ?? ''}</td>
                  <td>{h.byName ?? ''}</td>
                  <td>{h.pledges.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
