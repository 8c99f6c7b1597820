import { ApiError } from '../../api/client';
import type { ImplementationStatus, Indicator, ProgressValues } from '../../api/models';
import type { components } from '../../api/schema';

/** Typed as the DTO, but values are sent as typed (a number field may hold text) so the API names each bad field. */
type UpdateBody = Omit<components['schemas']['CreateProgressUpdateDto'], 'cycle'>;

export interface MeasurementValues {
  indicatorId: string;
  value: string;
  asOf: string;
  note: string;
}

export interface UpdateValues {
  status: ImplementationStatus | '';
  percentComplete: string;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  /** One row per indicator of the pledge, in the pledge's order; empty rows are not sent. */
  measurements: MeasurementValues[];
  evidence: { url: string; title: string }[];
  partnerContributions: { name: string; contribution: string }[];
  createKey: string;
}

/** Values to start from: this cycle's own, else the previous cycle's (prefill), else empty. */
export function valuesFrom(source: ProgressValues | null, indicators: Indicator[], evidence: { url: string | null; title: string; kind: string }[], createKey: string): UpdateValues {
  return {
    status: source?.status ?? '',
    percentComplete: source ? String(source.percentComplete) : '',
    actionsTaken: source?.actionsTaken ?? '',
    challenges: source?.challenges ?? '',
    nextSteps: source?.nextSteps ?? '',
    measurements: indicators.map((i) => {
      const m = source?.measurements.find((x) => x.indicatorId === i.id);
      return { indicatorId: i.id, value: m ? String(m.value) : '', asOf: m?.asOf ?? '', note: m?.note ?? '' };
    }),
    evidence: evidence.filter((e) => e.kind === 'url').map((e) => ({ url: e.url ?? '', title: e.title })),
    partnerContributions: (source?.partnerContributions ?? []).map((p) => ({ name: p.name ?? '', contribution: p.contribution })),
    createKey,
  };
}

const num = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

/**
 * The request body, and for each sent measurement the form row it came from,
 * so the API's `measurements.0.value` can be put back on the right indicator.
 */
export function toRequest(v: UpdateValues): { body: UpdateBody; rows: number[] } {
  const rows: number[] = [];
  const measurements = v.measurements.flatMap((m, i) => {
    if (!m.value.trim() && !m.asOf && !m.note.trim()) return [];
    rows.push(i);
    return [{ indicatorId: m.indicatorId, value: num(m.value), asOf: m.asOf, note: m.note.trim() || null }];
  });
  return {
    rows,
    body: {
      status: v.status || undefined,
      percentComplete: v.percentComplete.trim() === '' ? undefined : num(v.percentComplete),
      actionsTaken: v.actionsTaken,
      challenges: v.challenges,
      nextSteps: v.nextSteps,
      measurements,
      evidence: v.evidence,
      partnerContributions: v.partnerContributions.map((p) => ({ name: p.name, contribution: p.contribution })),
    } as unknown as UpdateBody,
  };
}

/** Puts the API's measurement errors back on the form rows they belong to. */
export function remapErrors(err: unknown, rows: number[]): unknown {
  if (!(err instanceof ApiError) || !err.fieldErrors.length) return err;
  const details = err.fieldErrors.map((e) => {
    const m = /^measurements\.(\d+)(\..*)?$/.exec(e.field);
    return m && rows[Number(m[1])] !== undefined ? { ...e, field: `measurements.${rows[Number(m[1])]}${m[2] ?? ''}` } : e;
  });
  return new ApiError(err.status, err.message, details, err.body);
}
