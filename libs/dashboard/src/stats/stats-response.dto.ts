import { ApiProperty } from '@nestjs/swagger';
import type { ImplementationStatus } from '@gcm/pledges';
import { DataProvenance } from './provenance';
import type { Locale, TextSource } from '@gcm/platform/pure';

type CycleStatus = 'scheduled' | 'open' | 'closed' | 'compiled';
type ReportingStatus = 'reported' | 'not_reported' | 'no_pledges';

/** Response shapes of the public aggregates, for the OpenAPI description (the JSON itself is built in SQL). */

/** Every /api/v1/stats answer: the snapshot its figures were computed from. */
export class ProvenancedStats {
  /** Data as of and the snapshot id: two answers with the same snapshot id carry the same figures. */
  provenance: DataProvenance;
}

/*
 * Titles and labels are answered in the request's language (`?lang=`, `Accept-Language`;
 * the response's Content-Language says which). Beside a catalogue text `x` (objective,
 * theme, SG recommendation), `xLang` is the language it is actually in (`en` where no
 * translation exists) and `xSource` where it comes from (`original`, `official` or
 * `unofficial`), as in the framework catalogue; beside a country or region name, `xLang`
 * (CLDR's). In English, the source language, the markers are left out.
 */

export class CycleRef {
  code: string;
  /** scheduled | open | closed | compiled */
  status: CycleStatus;
  periodStart: string;
  periodEnd: string;
  deadline: string;
}

export class HeadlineStats extends ProvenancedStats {
  /** The cycle the figures are for; null when no cycle has opened yet. */
  cycle: CycleRef | null;
  /** Public pledges (published, not withdrawn): all while the cycle is open, those published before it closed afterwards. */
  pledges: number;
  /** Distinct lead organisations of those pledges. */
  pledgers: number;
  /** States among the pledgers. */
  statesPledging: number;
  /** States with at least one submitted or validated progress update in the cycle. */
  statesReporting: number;
  /** statesReporting / statesPledging (0–1), null without pledging States. */
  reportingRate: number | null;
  /** Pledges whose latest validated status by the cycle is achieved. */
  achieved: number;
  /** achieved / pledges (0–1), null without pledges. */
  shareAchieved: number | null;
}

export class PledgesByItem {
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    description: "Objective number, theme code (T1…), M49 region code ('001' = global), pledger kind or form.",
  })
  key: string | number;
  label: string;
  labelLang?: Locale;
  /** Objectives and themes only. */
  labelSource?: TextSource;
  title: string;
  titleLang?: Locale;
  /** Objectives and themes only. */
  titleSource?: TextSource;
  pledges: number;
  /** Distinct pledgers (pledger-kind only). */
  pledgers?: number;
}

export class PledgesByStats extends ProvenancedStats {
  /** objective | theme | region | pledger-kind | form */
  dimension: 'objective' | 'theme' | 'region' | 'pledger-kind' | 'form';
  /** primary (each pledge once) or all (each objective/theme/region it addresses). */
  count: 'primary' | 'all';
  /** Public pledges in all. */
  total: number;
  items: PledgesByItem[];
}

export class StatusCount {
  /** not_started | on_track | delayed | achieved | discontinued */
  status: ImplementationStatus;
  pledges: number;
}

export class StatusStats extends ProvenancedStats {
  cycle: CycleRef | null;
  /** Public pledges in the cycle's population (see HeadlineStats.pledges). */
  total: number;
  /** Of those, pledges with a validated update in the cycle. */
  reportedInCycle: number;
  /** Status as of the cycle, carried forward from each pledge's latest validated update (none: not_started). */
  statuses: StatusCount[];
}

export class StatusTrendCycle {
  code: string;
  status: CycleStatus;
  periodStart: string;
  periodEnd: string;
  total: number;
  reportedInCycle: number;
  statuses: StatusCount[];
}

export class StatusTrendStats extends ProvenancedStats {
  /** The statuses in display order. */
  statuses: ImplementationStatus[];
  /** Every cycle that has opened, oldest first. */
  cycles: StatusTrendCycle[];
}

export class CoverageObjective {
  number: number;
  label: string;
  labelLang?: Locale;
  labelSource?: TextSource;
  pledges: number;
}

export class CoverageRegion {
  /** M49 region code; '001' collects global pledges and those with no geography. */
  code: string;
  name: string;
  nameLang?: Locale;
  pledges: number;
  /** Public pledges per objective, in objective order (1–23). */
  counts: number[];
}

export class CoverageStats extends ProvenancedStats {
  total: number;
  objectives: CoverageObjective[];
  regions: CoverageRegion[];
}

export class GapObjective {
  number: number;
  label: string;
  labelLang?: Locale;
  labelSource?: TextSource;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  pledges: number;
}

export class GapTheme {
  number: number;
  code: string;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  pledges: number;
}

export class GapRecommendation {
  paragraph: number;
  shortTitle: string;
  shortTitleLang?: Locale;
  shortTitleSource?: TextSource;
  objectives: number[];
  pledges: number;
}

export class GapsStats extends ProvenancedStats {
  threshold: number;
  total: number;
  objectives: GapObjective[];
  themes: GapTheme[];
  recommendations: GapRecommendation[];
}

export class MapCountry {
  alpha3: string;
  alpha2: string;
  name: string;
  nameLang?: Locale;
  /** M49 region code. */
  region: string;
  /** Public pledges the State leads. */
  pledges: number;
  /** Public pledges (of any pledger) whose scope names the State. */
  concerning: number;
  /** reported | not_reported | no_pledges */
  reporting: ReportingStatus;
}

export class MapStats extends ProvenancedStats {
  cycle: CycleRef | null;
  countries: MapCountry[];
}

export class RecentPledge {
  reference: string;
  title: string;
  leadOrganisation: string;
  implementationStatus: ImplementationStatus;
  firstPublishedAt: string;
}

export class FormCount {
  form: string;
  pledges: number;
}

export class RegionCount {
  code: string;
  name: string;
  nameLang?: Locale;
  pledges: number;
}

/** Named apart from the pledges' ObjectiveRefDto: OpenAPI schemas are keyed by class name. */
export class StatsObjectiveRef {
  number: number;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  label: string;
  labelLang?: Locale;
  labelSource?: TextSource;
  roundTable: string | null;
}

export class ObjectiveThemeRef {
  code: string;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  primary: boolean;
}

export class RecommendationCount {
  paragraph: number;
  shortTitle: string;
  shortTitleLang?: Locale;
  shortTitleSource?: TextSource;
  pledges: number;
}

export class ObjectiveSummary extends ProvenancedStats {
  objective: StatsObjectiveRef;
  themes: ObjectiveThemeRef[];
  /** Public pledges addressing the objective (any alignment). */
  pledges: number;
  /** Of those, pledges whose primary objective it is. */
  primaryPledges: number;
  pledgers: number;
  statesPledging: number;
  byStatus: StatusCount[];
  byForm: FormCount[];
  byRegion: RegionCount[];
  recommendations: RecommendationCount[];
  /** Practice cards whose dialogue session quotes the objective. */
  practices: number;
  recentPledges: RecentPledge[];
}

export class CountryRefDto {
  alpha3: string;
  alpha2: string;
  name: string;
  nameLang?: Locale;
  region: string;
  regionLang?: Locale;
  regionM49: string;
  subregion: string;
  subregionLang?: Locale;
  subregionM49: string;
  /** member | observer */
  unStatus: string;
}

export class OrganisationRefDto {
  id: string;
  name: string;
}

export class ObjectiveCount {
  number: number;
  label: string;
  labelLang?: Locale;
  labelSource?: TextSource;
  pledges: number;
}

export class CountryReporting {
  cycle: string;
  cycleStatus: CycleStatus;
  /** reported | not_reported | no_pledges */
  status: ReportingStatus;
  /** Submitted or validated updates on the State's pledges in the cycle. */
  updates: number;
  validated: number;
}

export class CountrySummary extends ProvenancedStats {
  country: CountryRefDto;
  organisation: OrganisationRefDto | null;
  /** Public pledges the State leads. */
  pledges: number;
  /** Public pledges (of any pledger) whose scope names the State. */
  concerning: number;
  byObjective: ObjectiveCount[];
  byStatus: StatusCount[];
  byForm: FormCount[];
  reporting: CountryReporting[];
  recentPledges: RecentPledge[];
}

/** What a State's pledges address of the framework (issue 16 item 10; the rule is themeAdoption in @gcm/platform/pure). */
export class AdoptionLevel {
  /** Theme numbers addressed, ascending. */
  themes: number[];
  /** Actionable commitments addressed. */
  commitments: number;
  /** Commitments addressed out of the framework's (null when it has none). */
  commitmentShare: number | null;
  allThemes: boolean;
  /** More than half of the framework's actionable commitments. */
  majority: boolean;
  /** All themes and a majority of the commitments. */
  adopted: boolean;
}

export class CountryAdoptionCycle {
  cycle: string;
  cycleStatus: CycleStatus;
  /** The State's public pledges owing an update in the cycle. */
  pledged: AdoptionLevel;
  /** Those of them with a validated update in the cycle. */
  reported: AdoptionLevel;
}

export class CountryAdoption extends ProvenancedStats {
  totalThemes: number;
  totalCommitments: number;
  /** Every opened cycle, oldest first. */
  cycles: CountryAdoptionCycle[];
}
