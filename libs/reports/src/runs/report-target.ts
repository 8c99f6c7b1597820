import type { Locale } from '@gcm/platform/pure';
import type { ReportKind, ReportScope } from '../model/report-kind.types';

/**
 * What a report is about, normalised: the key under which runs and versions
 * are kept. `scope` is the short text form (`FRA`, `8`, `T2`, `002`, `RT2`,
 * `global`, or an organisation id for a stakeholder's report).
 */
export interface ReportTarget {
  kind: ReportKind;
  scope: string;
  /** Cycle codes, oldest first. */
  cycleCodes: string[];
  cycleIds: string[];
  /** The edition's language; runs and versions are kept per language. */
  language: Locale;
}

export const CYCLE_KEY_SEPARATOR = '+';

export function cycleKeyOf(codes: string[]): string {
  return codes.join(CYCLE_KEY_SEPARATOR);
}

export const GLOBAL_SCOPE = 'global';

/** Kinds whose report may cover a span of cycles; the others take exactly one. */
export const SPAN_KINDS: ReportKind[] = ['imrf_summary', 'round_table'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The canonical scope text of a kind, or null when it cannot be one. Only the
 * form is checked here; whether the State, region… exists is the caller's job.
 */
export function normaliseScope(kind: ReportKind, raw: string | undefined): string | null {
  const s = (raw ?? '').trim();
  switch (kind) {
    case 'state':
      if (/^[A-Za-z]{3}$/.test(s)) return s.toUpperCase();
      return UUID.test(s) ? s.toLowerCase() : null;
    case 'objective': {
      const n = /^\d{1,2}$/.test(s) ? Number(s) : NaN;
      return n >= 1 && n <= 23 ? String(n) : null;
    }
    case 'theme': {
      const m = /^T?(\d)$/i.exec(s);
      return m && Number(m[1]) >= 1 && Number(m[1]) <= 9 ? `T${m[1]}` : null;
    }
    case 'region':
      return /^\d{3}$/.test(s) ? s : null;
    case 'round_table': {
      const m = /^(?:RT)?(\d)$/i.exec(s);
      return m && Number(m[1]) >= 1 ? `RT${m[1]}` : null;
    }
    case 'imrf_summary':
      return s === '' || s.toLowerCase() === GLOBAL_SCOPE ? GLOBAL_SCOPE : null;
    default:
      return null;
  }
}

/** A list filter's scope as stored (`t2` → `T2`) when the kind says how to read it. */
export function listScope(q: { kind?: ReportKind; scope?: string }): string | undefined {
  if (q.scope === undefined || q.kind === undefined) return q.scope;
  return normaliseScope(q.kind, q.scope) ?? q.scope;
}

/** The builder's scope for a target; a State's organisation id is resolved by the loader. */
export function builderScope(target: ReportTarget, organisationId: string | null): ReportScope {
  const cycleCode = target.cycleCodes[target.cycleCodes.length - 1];
  switch (target.kind) {
    case 'state':
      if (!organisationId) throw new Error(`no organisation for ${target.scope}`);
      return { organisationId, cycleCode };
    case 'objective':
      return { objective: Number(target.scope), cycleCode };
    case 'theme':
      return { theme: Number(target.scope.slice(1)), cycleCode };
    case 'region':
      return { m49: target.scope, cycleCode };
    case 'round_table':
      return { roundTable: target.scope, cycleCodes: target.cycleCodes };
    case 'imrf_summary':
      return { cycleCodes: target.cycleCodes };
  }
}
