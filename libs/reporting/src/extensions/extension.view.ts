import type { ExtensionStatus } from '../entities/deadline-extension.entity';

export class ExtensionView {
  id: string;
  cycle: string;
  /** The cycle's own deadline. */
  cycleDeadline: string;
  cycleStatus: string;
  organisationId: string;
  organisation: string;
  status: ExtensionStatus;
  reason: string;
  requestedDeadline: string | null;
  /** The organisation's deadline once granted. */
  deadline: string | null;
  decisionComment: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  version: number;
}

export class ExtensionPage {
  items: ExtensionView[];
  total: number;
  limit: number;
  offset: number;
}

export const EXTENSION_SELECT = `SELECT e.id, c.code AS cycle, to_char(c.deadline, 'YYYY-MM-DD') AS "cycleDeadline", c.status AS "cycleStatus",
    e.organisation_id AS "organisationId", o.name AS organisation, e.status, e.reason,
    to_char(e.requested_deadline, 'YYYY-MM-DD') AS "requestedDeadline", to_char(e.deadline, 'YYYY-MM-DD') AS deadline,
    e.decision_comment AS "decisionComment", e.requested_at AS "requestedAt", e.decided_at AS "decidedAt", e.version
  FROM deadline_extension e JOIN reporting_cycle c ON c.id = e.cycle_id JOIN organisation o ON o.id = e.organisation_id`;
