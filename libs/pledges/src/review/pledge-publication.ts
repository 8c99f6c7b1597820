import { updateVersionedEntity } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import type { PledgeSnapshot } from '../domain/pledge-content';
import { PledgeCommitment } from '../entities/pledge-commitment.entity';
import { PledgeCountry } from '../entities/pledge-country.entity';
import { PledgeObjective } from '../entities/pledge-objective.entity';
import { PledgePartner } from '../entities/pledge-partner.entity';
import { PledgePrinciple } from '../entities/pledge-principle.entity';
import { PledgeRecommendation } from '../entities/pledge-recommendation.entity';
import { PledgeRegion } from '../entities/pledge-region.entity';
import { PledgeTheme } from '../entities/pledge-theme.entity';
import { Pledge } from '../entities/pledge.entity';

const CODE_TABLES = [
  PledgeObjective, PledgeTheme, PledgePrinciple, PledgeRecommendation, PledgeCommitment, PledgeCountry, PledgeRegion, PledgePartner,
];

/**
 * Copies a submitted version into the published face of the pledge (content
 * columns, code tables, indicators) in the caller's transaction; 409 when the
 * pledge's version moved on.
 */
export async function materialisePublished(
  m: EntityManager,
  pledgeId: string,
  expectedRowVersion: number,
  version: { number: number; snapshot: PledgeSnapshot },
): Promise<void> {
  const s = version.snapshot;
  await updateVersionedEntity(m, Pledge, { table: 'pledge', what: 'pledge', key: pledgeId }, expectedRowVersion, {
    status: 'published',
    publishedVersion: version.number,
      publishedAt: () => 'now()',
      firstPublishedAt: () => 'coalesce(first_published_at, now())',
      publicUpdatedAt: () => 'now()',
      title: s.title,
      description: s.description,
      form: s.form,
      language: s.language ?? 'en',
      matchingPledgeRef: s.matchingPledgeRef,
      startDate: s.startDate,
      targetDate: s.targetDate,
      budgetAmount: s.budget ? String(s.budget.amount) : null,
      budgetCurrency: s.budget?.currency ?? null,
      frameworkVersion: s.frameworkVersion,
      themesOverridden: s.alignment.themesOverridden,
  });

  for (const table of CODE_TABLES) await m.delete(table, { pledgeId });
  const rows = <T>(table: new () => T, values: Partial<T>[]) => (values.length ? m.insert(table, values as never) : undefined);
  const a = s.alignment;
  await rows(PledgeObjective, a.objectives.map((o) => ({ pledgeId, objectiveNumber: o.number, isPrimary: o.primary })));
  await rows(PledgeTheme, a.themes.map((t) => ({ pledgeId, themeNumber: t.number, isPrimary: t.primary })));
  await rows(PledgePrinciple, a.principles.map((principleKey) => ({ pledgeId, principleKey })));
  await rows(PledgeRecommendation, a.recommendations.map((recommendationParagraph) => ({ pledgeId, recommendationParagraph })));
  await rows(PledgeCommitment, a.commitments.map((commitmentCode) => ({ pledgeId, commitmentCode })));
  await rows(PledgeCountry, s.scope.countries.map((countryAlpha3) => ({ pledgeId, countryAlpha3 })));
  await rows(PledgeRegion, s.scope.regions.map((regionM49) => ({ pledgeId, regionM49 })));
  await rows(PledgePartner, s.partners.map((p, position) => ({ pledgeId, position, organisationId: p.organisationId, name: p.name })));

  if (s.indicators.length) {
    await m.query(
      `INSERT INTO pledge_indicator (id, pledge_id, position, name, unit, direction, baseline_value, baseline_date,
         target_value, target_date, sdg_indicator, active)
       SELECT i.id, $1, i.position, i.name, i.unit, i.direction, i.baseline_value, i.baseline_date, i.target_value,
         i.target_date, i.sdg_indicator, true
       FROM jsonb_to_recordset($2::jsonb) AS i(id uuid, position smallint, name text, unit text, direction text,
         baseline_value numeric, baseline_date date, target_value numeric, target_date date, sdg_indicator text)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name, unit = EXCLUDED.unit,
         direction = EXCLUDED.direction, baseline_value = EXCLUDED.baseline_value, baseline_date = EXCLUDED.baseline_date,
         target_value = EXCLUDED.target_value, target_date = EXCLUDED.target_date, sdg_indicator = EXCLUDED.sdg_indicator,
         active = true
       WHERE pledge_indicator.pledge_id = EXCLUDED.pledge_id`,
      [
        pledgeId,
        JSON.stringify(
          s.indicators.map((i, position) => ({
            id: i.id, position, name: i.name, unit: i.unit, direction: i.direction,
            baseline_value: i.baseline.value, baseline_date: i.baseline.date,
            target_value: i.target.value, target_date: i.target.date, sdg_indicator: i.sdgIndicator,
          })),
        ),
      ],
    );
  }
  await m.query('UPDATE pledge_indicator SET active = false WHERE pledge_id = $1 AND NOT (id = ANY($2::uuid[]))', [
    pledgeId,
    s.indicators.map((i) => i.id),
  ]);
}
