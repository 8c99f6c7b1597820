import type { FieldError } from '@gcm/platform';
import type { CatalogueSnapshot } from '@gcm/framework';
import type {
  Budget, IndicatorDirection, PartnerContent, PledgeContent, PledgeForm, ThemeRef,
} from './pledge-content';

/** The request shape of a pledge's content (create body, or a working copy merged with a patch). */
export interface PledgeContentInput {
  title: string;
  description: string;
  form: PledgeForm;
  language?: string;
  matchingPledgeRef?: string | null;
  partners?: { organisationId?: string | null; name?: string | null }[];
  alignment: {
    objectives: { number: number; primary?: boolean }[];
    principles?: string[];
    themes?: number[] | null;
    recommendations?: number[];
    commitments?: string[];
  };
  scope?: { countries?: string[]; regions?: string[] } | null;
  startDate?: string | null;
  targetDate?: string | null;
  budget?: Budget | null;
  indicators?: {
    id?: string;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: { value: number; date: string };
    target: { value: number; date: string };
    sdgIndicator?: string | null;
  }[];
}

const WORLD_M49 = '001';

/** Themes of the objectives through the crosswalk; the primary is the primary objective's primary theme. */
export function deriveThemes(objectives: { number: number; primary: boolean }[], catalogue: CatalogueSnapshot): ThemeRef[] {
  const byNumber = new Map(catalogue.objectives.map((o) => [o.number, o]));
  const primaryObjective = objectives.find((o) => o.primary);
  const primaryTheme = byNumber.get(primaryObjective?.number ?? -1)?.themes.find((t) => t.primary)?.number;
  const numbers = new Set(objectives.flatMap((o) => byNumber.get(o.number)?.themes.map((t) => t.number) ?? []));
  return [...numbers].sort((a, b) => a - b).map((number) => ({ number, primary: number === primaryTheme }));
}

function overriddenThemes(themes: number[], objectives: { number: number; primary: boolean }[], catalogue: CatalogueSnapshot): ThemeRef[] {
  const derivedPrimary = deriveThemes(objectives, catalogue).find((t) => t.primary)?.number;
  const primary = themes.includes(derivedPrimary ?? -1) ? derivedPrimary : themes[0];
  return themes.map((number) => ({ number, primary: number === primary }));
}

/** M49 codes a scope may name: the world, and every region, sub-region and intermediate region of the States. */
export function knownRegionCodes(catalogue: CatalogueSnapshot): Set<string> {
  const codes = new Set([WORLD_M49]);
  for (const c of catalogue.countries) {
    codes.add(c.regionM49);
    codes.add(c.subregionM49);
    if (c.intermediateRegionM49) codes.add(c.intermediateRegionM49);
  }
  return codes;
}

/**
 * Checks every catalogue code and cross-field rule of a pledge's content and
 * returns it in canonical form; the errors name the field and the bad code.
 */
export function normaliseContent(
  input: PledgeContentInput,
  catalogue: CatalogueSnapshot,
  frameworkVersion: number,
  newId: () => string,
): { content: PledgeContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  const a = input.alignment;

  const objectives = a.objectives.map((o) => ({ number: o.number, primary: o.primary === true }));
  const knownObjectives = new Set(catalogue.objectives.map((o) => o.number));
  objectives.forEach((o, i) => {
    if (!knownObjectives.has(o.number)) fail(`alignment.objectives.${i}.number`, `Unknown GCM objective ${o.number}`);
  });
  if (new Set(objectives.map((o) => o.number)).size !== objectives.length) {
    fail('alignment.objectives', 'each objective may be listed once');
  }
  if (objectives.filter((o) => o.primary).length !== 1) {
    fail('alignment.objectives', 'exactly one objective must be marked primary');
  }

  const checkCodes = <T extends string | number>(values: T[] | undefined, known: Set<T>, field: string, label: string) =>
    (values ?? []).forEach((v, i) => {
      if (!known.has(v)) fail(`${field}.${i}`, `Unknown ${label} ${v}`);
    });
  checkCodes(a.principles, new Set(catalogue.principles.map((p) => p.key)), 'alignment.principles', 'guiding principle');
  checkCodes(a.themes ?? undefined, new Set(catalogue.themes.map((t) => t.number)), 'alignment.themes', 'ICMPD theme');
  checkCodes(a.recommendations, new Set(catalogue.recommendations.map((r) => r.paragraph)), 'alignment.recommendations', 'SG recommendation paragraph');
  checkCodes(a.commitments, new Set(catalogue.themes.flatMap((t) => t.commitments.map((c) => c.code))), 'alignment.commitments', 'actionable commitment');
  checkCodes(input.scope?.countries, new Set(catalogue.countries.map((c) => c.alpha3)), 'scope.countries', 'country');
  checkCodes(input.scope?.regions, knownRegionCodes(catalogue), 'scope.regions', 'UN M49 region code');

  if (input.startDate && input.targetDate && input.targetDate < input.startDate) {
    fail('targetDate', 'targetDate must be on or after startDate');
  }

  const partners: PartnerContent[] = (input.partners ?? []).map((p, i) => {
    if (p.organisationId && p.name) fail(`partners.${i}`, 'give either organisationId or name, not both');
    return { organisationId: p.organisationId ?? null, name: p.organisationId ? null : (p.name ?? null) };
  });
  const partnerOrgs = partners.map((p) => p.organisationId).filter((id): id is string => id !== null);
  if (new Set(partnerOrgs).size !== partnerOrgs.length) fail('partners', 'each partner organisation may be listed once');

  const indicators = (input.indicators ?? []).map((ind, i) => {
    if (ind.target.date < ind.baseline.date) fail(`indicators.${i}.target.date`, 'the target date must be on or after the baseline date');
    return {
      id: ind.id ?? newId(),
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      baseline: { value: ind.baseline.value, date: ind.baseline.date },
      target: { value: ind.target.value, date: ind.target.date },
      sdgIndicator: ind.sdgIndicator ?? null,
    };
  });
  if (new Set(indicators.map((x) => x.id)).size !== indicators.length) fail('indicators', 'each indicator id may appear once');

  const themesOverridden = Array.isArray(a.themes);
  const content: PledgeContent = {
    title: input.title,
    description: input.description,
    form: input.form,
    language: input.language ?? 'en',
    matchingPledgeRef: input.matchingPledgeRef ?? null,
    partners,
    alignment: {
      objectives,
      principles: [...(a.principles ?? [])].sort(),
      themes: themesOverridden ? overriddenThemes(a.themes as number[], objectives, catalogue) : deriveThemes(objectives, catalogue),
      themesOverridden,
      recommendations: [...(a.recommendations ?? [])].sort((x, y) => x - y),
      commitments: [...(a.commitments ?? [])].sort(),
    },
    scope: { countries: [...(input.scope?.countries ?? [])].sort(), regions: [...(input.scope?.regions ?? [])].sort() },
    startDate: input.startDate ?? null,
    targetDate: input.targetDate ?? null,
    budget: input.budget ? { amount: input.budget.amount, currency: input.budget.currency } : null,
    indicators,
    frameworkVersion,
  };
  return { content, errors };
}

/** What a pledge needs before it can go to review, beyond what a draft needs. */
export function submissionErrors(content: PledgeContent): FieldError[] {
  const errors: FieldError[] = [];
  if (!content.startDate) errors.push({ field: 'startDate', messages: ['a pledge needs a start date before it is submitted'] });
  if (!content.targetDate) errors.push({ field: 'targetDate', messages: ['a pledge needs a target date before it is submitted'] });
  if (content.indicators.length === 0) {
    errors.push({ field: 'indicators', messages: ['a pledge needs at least one indicator with baseline and target before it is submitted'] });
  }
  return errors;
}

/** The working copy in request shape, so a patch can be merged into it and checked as a whole. */
export function contentToInput(c: PledgeContent): PledgeContentInput {
  return {
    ...c,
    alignment: {
      objectives: c.alignment.objectives,
      principles: c.alignment.principles,
      themes: c.alignment.themesOverridden ? c.alignment.themes.map((t) => t.number) : null,
      recommendations: c.alignment.recommendations,
      commitments: c.alignment.commitments,
    },
  };
}

const REQUIRED = ['title', 'description', 'form', 'alignment'] as const;

/** Applies a patch: each key sent replaces that part; null clears an optional part and is refused for a required one. */
export function mergePatch(current: PledgeContent, patch: Partial<Record<keyof PledgeContentInput, unknown>>): {
  input: PledgeContentInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = REQUIRED.filter((k) => patch[k] === null).map((k) => ({
    field: k,
    messages: [`${k} cannot be cleared`],
  }));
  const input = { ...contentToInput(current) } as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined && v !== null) input[k] = v;
  for (const [k, v] of Object.entries(patch)) if (v === null && !(REQUIRED as readonly string[]).includes(k)) input[k] = null;
  return { input: input as unknown as PledgeContentInput, errors };
}
