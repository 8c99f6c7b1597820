import type { FieldError } from '@gcm/platform';

/** The Compact was adopted on 10 December 2018: nothing reported under it is older. */
export const GCM_ADOPTED = '2018-12-10';

export interface IndicatorRule {
  id: string;
  name: string;
  unit: string;
  active: boolean;
}

export interface MeasurementInput {
  indicatorId: string;
  value: number;
  asOf: string;
}

const PERCENT_UNIT = /^(%|percent|percentage|per cent)$/i;

/**
 * A measurement must be of one of the pledge's current indicators, stay within
 * what its unit allows (a percentage is 0–100), and be dated between the
 * Compact's adoption and the cycle's deadline.
 */
export function measurementErrors(measurements: MeasurementInput[], indicators: IndicatorRule[], latestAsOf: string): FieldError[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  measurements.forEach((m, i) => {
    const indicator = byId.get(m.indicatorId);
    if (!indicator || !indicator.active) {
      errors.push({ field: `measurements.${i}.indicatorId`, messages: [`${m.indicatorId} is not a current indicator of this pledge`] });
    } else if (PERCENT_UNIT.test(indicator.unit.trim()) && (m.value < 0 || m.value > 100)) {
      errors.push({ field: `measurements.${i}.value`, messages: [`"${indicator.name}" is a percentage: the value must be between 0 and 100`] });
    }
    if (m.asOf < GCM_ADOPTED || m.asOf > latestAsOf) {
      errors.push({ field: `measurements.${i}.asOf`, messages: [`asOf must be between ${GCM_ADOPTED} and ${latestAsOf}`] });
    }
    const key = `${m.indicatorId}@${m.asOf}`;
    if (seen.has(key)) errors.push({ field: `measurements.${i}`, messages: ['the same indicator is measured twice on the same date'] });
    seen.add(key);
  });
  return errors;
}
