import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, hashSecretToken, newSecretToken, tokenLink } from '@gcm/accounts';
import { AppConfig, AuditService, DomainError, MailService, setActor } from '@gcm/platform';
import { organisationDeadlineSql, ProgressUpdatesService } from '@gcm/reporting';
import { DataSource, EntityManager } from 'typeorm';
import type { ReminderLinkAction } from '../entities/reminder-link.entity';
import { linkRefused, LinkRefusal } from './reminder-link-refusal';
import { ReminderLinkPrevious, ReminderLinkResult, ReminderLinkView } from './reminder-link.view';
import type { ReminderPledgeLinks } from './reminder-message';

/** Where the web app takes a reminder link's token from (in the fragment: never in a server log or Referer). */
export const REMINDER_NO_CHANGE_PATH = '/reminder/no-change';
export const REMINDER_UPDATE_PATH = '/reminder/update';

interface LinkRow {
  id: string;
  action: ReminderLinkAction;
  userId: string;
  pledgeId: string;
  cycleId: string;
  expiresAt: Date;
  used: boolean;
  expired: boolean;
  pledgeChanged: boolean;
  userName: string;
  userEmail: string;
  userActive: boolean;
  userRole: AuthUser['role'];
  userOrganisationId: string | null;
  pledgeOrganisationId: string;
  reference: string;
  title: string | null;
  cycleCode: string;
  cycleStatus: string;
  deadline: string;
  updateId: string | null;
  updateStatus: string | null;
}

const LINK_SELECT = `SELECT l.id, l.action, l.user_id AS "userId", l.pledge_id AS "pledgeId", l.cycle_id AS "cycleId", l.expires_at AS "expiresAt",
    l.used_at IS NOT NULL AS used, l.expires_at <= now() AS expired, p.version <> l.pledge_version AS "pledgeChanged",
    u.name AS "userName", u.email AS "userEmail", u.active AS "userActive", u.role AS "userRole", u.organisation_id AS "userOrganisationId",
    p.lead_organisation_id AS "pledgeOrganisationId", p.reference, p.title, c.code AS "cycleCode", c.status AS "cycleStatus",
    to_char(${organisationDeadlineSql('c.id', 'p.lead_organisation_id')}, 'YYYY-MM-DD') AS deadline,
    x.id AS "updateId", x.editorial_status AS "updateStatus"
  FROM reminder_link l JOIN app_user u ON u.id = l.user_id JOIN pledge p ON p.id = l.pledge_id JOIN reporting_cycle c ON c.id = l.cycle_id
  LEFT JOIN progress_update x ON x.pledge_id = l.pledge_id AND x.cycle_id = l.cycle_id
  WHERE l.token_hash = $1`;

/**
 * The links of a reminder e-mail. Issued when the e-mail is sent (so the
 * stored notification never holds a token), two per pledge; each is single
 * use, expires after REMINDER_LINK_TTL_HOURS, and is refused once its user is
 * deactivated or no longer a focal point of the pledge's organisation, or the
 * pledge changed. "No change" confirms without a password (the token is the
 * proof); "update" needs the recipient signed in. Every use and refusal of a
 * known link is audited; a refusal writes nothing else.
 */
@Injectable()
export class ReminderLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly updates: ProgressUpdatesService,
  ) {}

  /** New links for a notification's pledges, retiring the unused ones of an earlier attempt to send it. */
  async issue(m: EntityManager, notificationId: string | null, userId: string, cycleId: string, pledgeIds: string[]): Promise<Map<string, ReminderPledgeLinks>> {
    if (notificationId) await m.query('DELETE FROM reminder_link WHERE notification_id = $1 AND used_at IS NULL', [notificationId]);
    const pledges: { id: string; version: number }[] = await m.query('SELECT id, version FROM pledge WHERE id = ANY($1::uuid[])', [pledgeIds]);
    const expiresAt = new Date(Date.now() + this.config.REMINDER_LINK_TTL_HOURS * 3_600_000);
    const links = new Map<string, ReminderPledgeLinks>();
    const rows: unknown[][] = [];
    for (const p of pledges) {
      const noChange = newSecretToken();
      const update = newSecretToken();
      rows.push([noChange.hash, 'no_change', p.id, p.version], [update.hash, 'update', p.id, p.version]);
      links.set(p.id, {
        noChange: tokenLink(this.mail.publicUrl(), REMINDER_NO_CHANGE_PATH, noChange.token),
        update: tokenLink(this.mail.publicUrl(), REMINDER_UPDATE_PATH, update.token),
      });
    }
    if (rows.length) {
      await m.query(
        `INSERT INTO reminder_link (token_hash, action, pledge_id, pledge_version, user_id, cycle_id, notification_id, expires_at)
         SELECT r.h, r.a, r.p, r.v, $5, $6, $7, $8 FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[]) AS r(h, a, p, v)`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), userId, cycleId, notificationId, expiresAt],
      );
    }
    return links;
  }

  private async load(m: EntityManager, token: string, lock = false): Promise<LinkRow> {
    const [row]: LinkRow[] = await m.query(`${LINK_SELECT}${lock ? ' FOR UPDATE OF l' : ''}`, [hashSecretToken(token)]);
    if (!row) throw linkRefused('unknown');
    return row;
  }

  /** The first reason the link cannot be used for `action`, if any. */
  private refusal(row: LinkRow, action: ReminderLinkAction, caller?: AuthUser): [LinkRefusal, Record<string, string>] | null {
    if (row.action !== action) return ['wrong_link', { action: row.action }];
    if (row.used) return ['used', {}];
    if (row.expired) return ['expired', { expiresAt: new Date(row.expiresAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }];
    if (!row.userActive) return ['deactivated', {}];
    if (row.userRole !== 'focal_point' || row.userOrganisationId !== row.pledgeOrganisationId) return ['not_focal_point', {}];
    if (caller && caller.id !== row.userId) return ['other_user', {}];
    if (row.pledgeChanged) return ['pledge_changed', {}];
    if (row.cycleStatus !== 'open') return ['cycle_closed', { cycle: row.cycleCode, cycleStatus: row.cycleStatus }];
    if (action === 'no_change' && row.updateId) return ['already_reported', { cycle: row.cycleCode, state: row.updateStatus ?? '' }];
    return null;
  }

  private async refuse(row: LinkRow, reason: LinkRefusal, detail: Record<string, string>, caller?: AuthUser): Promise<never> {
    await this.audit.recordStandalone({
      action: 'reminder_link.refused', entityType: 'reminder_link', entityId: row.id,
      after: { reason, action: row.action, pledgeId: row.pledgeId, cycle: row.cycleCode }, actorId: caller?.id ?? null,
    });
    throw linkRefused(reason, detail);
  }

  private async previous(pledgeId: string, cycleId: string): Promise<ReminderLinkPrevious | null> {
    const [prev] = await this.dataSource.query(
      `SELECT u.id, c.code AS cycle, u.status, u.percent_complete AS "percentComplete", u.actions_taken AS "actionsTaken",
              (SELECT count(*)::int FROM progress_evidence e WHERE e.update_id = u.id) AS evidence
         FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
        WHERE u.pledge_id = $1 AND c.period_end < (SELECT period_start FROM reporting_cycle WHERE id = $2)
          AND u.editorial_status IN ('submitted', 'validated')
        ORDER BY c.period_end DESC LIMIT 1`,
      [pledgeId, cycleId],
    );
    if (!prev) return null;
    const measurements = await this.dataSource.query(
      `SELECT i.name AS "indicatorName", i.unit, m.value::float8 AS value, to_char(m.as_of, 'YYYY-MM-DD') AS "asOf"
         FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id AND i.active
        WHERE m.update_id = $1 ORDER BY m.position`,
      [prev.id],
    );
    const { id: _id, ...rest } = prev;
    return { ...rest, measurements };
  }

  /** What following the link would do, without using it. */
  async inspect(token: string): Promise<ReminderLinkView> {
    const row = await this.load(this.dataSource.manager, token);
    const refused = this.refusal(row, row.action);
    const previous = await this.previous(row.pledgeId, row.cycleId);
    if (!refused && row.action === 'no_change' && !previous) await this.refuse(row, 'nothing_to_reconfirm', { cycle: row.cycleCode });
    if (refused) await this.refuse(row, ...refused);
    return {
      action: row.action, expiresAt: row.expiresAt, recipient: row.userName,
      pledge: { id: row.pledgeId, reference: row.reference, title: row.title },
      cycle: { code: row.cycleCode, deadline: row.deadline },
      existingUpdate: row.updateId ? { id: row.updateId, editorialStatus: row.updateStatus as string } : null,
      previous,
    };
  }

  /** "No change since last cycle — confirm": reconfirms as the link's recipient; the claim commits with the update or not at all. */
  async confirm(token: string): Promise<ReminderLinkResult> {
    const row = await this.load(this.dataSource.manager, token);
    const refused = this.refusal(row, 'no_change');
    if (refused) await this.refuse(row, ...refused);
    if (!(await this.previous(row.pledgeId, row.cycleId))) await this.refuse(row, 'nothing_to_reconfirm', { cycle: row.cycleCode });
    const user: AuthUser = { id: row.userId, email: row.userEmail, role: row.userRole, organisationId: row.userOrganisationId };
    setActor({ actorId: user.id, actorRole: user.role, organisationId: user.organisationId });
    let race: [LinkRefusal, Record<string, string>] | null = null;
    try {
      const { value } = await this.updates.noChange(user, row.pledgeId, { cycle: row.cycleCode }, undefined, async (m, update) => {
        const locked = await this.load(m, token, true);
        const late = this.refusal({ ...locked, updateId: null }, 'no_change');
        if (late) {
          race = late;
          throw linkRefused(...late);
        }
        await m.query('UPDATE reminder_link SET used_at = now() WHERE id = $1', [row.id]);
        await this.audit.record(m, {
          action: 'reminder_link.use', entityType: 'reminder_link', entityId: row.id,
          after: { action: 'no_change', pledgeId: row.pledgeId, cycle: row.cycleCode, updateId: update.id },
        });
      });
      return { action: 'no_change', pledgeId: row.pledgeId, reference: row.reference, cycle: row.cycleCode, updateId: value.id, editorialStatus: value.editorialStatus };
    } catch (err) {
      // A concurrent use, or an update written meanwhile: refused like the first check would have, and audited.
      if (race) await this.refuse(row, ...(race as [LinkRefusal, Record<string, string>]));
      if (err instanceof DomainError && (err.details as { updateId?: string } | undefined)?.updateId) {
        await this.refuse(row, 'already_reported', { cycle: row.cycleCode, state: 'started meanwhile' });
      }
      throw err;
    }
  }

  /** "Update this pledge", signed in as the recipient: uses the link and answers where the form is. */
  async open(caller: AuthUser, token: string): Promise<ReminderLinkResult> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.load(m, token, true);
      const refused = this.refusal(row, 'update', caller);
      if (refused) await this.refuse(row, ...refused, caller);
      await m.query('UPDATE reminder_link SET used_at = now() WHERE id = $1', [row.id]);
      await this.audit.record(m, {
        action: 'reminder_link.use', entityType: 'reminder_link', entityId: row.id,
        after: { action: 'update', pledgeId: row.pledgeId, cycle: row.cycleCode },
      });
      return { action: 'update', pledgeId: row.pledgeId, reference: row.reference, cycle: row.cycleCode, updateId: row.updateId, editorialStatus: row.updateStatus };
    });
  }
}
