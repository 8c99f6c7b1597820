import { CatalogueCountry, CatalogueObjective, CatalogueTheme } from '../model/catalogue-input.types';
import { DistributionStatus } from '../model/document.types';
import { CycleInput, OrganisationInput, PledgeInput, ReportDataset, UpdateInput } from '../model/report-input.types';
import { ReportInputError } from '../model/report-kind.types';
import { isCounted } from './statistics';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Locale-aware but total: ties fall back to code units, so sorting is deterministic. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Lookups built once per report in O(n), so builders stay linear in the size
 * of the dataset (10,000 pledges × 4 cycles in the benchmark).
 */
export class DatasetIndex {
  readonly cycles: CycleInput[];
  readonly organisations = new Map<string, OrganisationInput>();
  readonly countries = new Map<string, CatalogueCountry>();
  readonly objectives = new Map<number, CatalogueObjective>();
  readonly themes = new Map<number, CatalogueTheme>();
  readonly pledges = new Map<string, PledgeInput>();
  private readonly cycleByCode = new Map<string, CycleInput>();
  private readonly cyclePosition = new Map<string, number>();
  /** pledge id → cycle code → update (drafts dropped). */
  private readonly updates = new Map<string, Map<string, UpdateInput>>();
  /** Position of the last cycle → pledge id → `reportedStatus` as of that cycle. */
  private readonly statuses = new Map<number, Map<string, DistributionStatus>>();

  constructor(readonly data: ReportDataset) {
    this.cycles = [...data.cycles].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));
    this.cycles.forEach((c, i) => {
      this.cycleByCode.set(c.code, c);
      this.cyclePosition.set(c.code, i);
    });
    for (const o of data.organisations) this.organisations.set(o.id, o);
    for (const c of data.catalogue.countries) this.countries.set(c.alpha3, c);
    for (const o of data.catalogue.objectives) this.objectives.set(o.number, o);
    for (const t of data.catalogue.themes) this.themes.set(t.number, t);
    for (const p of data.pledges) this.pledges.set(p.id, p);
    for (const u of data.updates) {
      if (u.lifecycle === 'draft' || !this.pledges.has(u.pledgeId)) continue;
      let byCycle = this.updates.get(u.pledgeId);
      if (!byCycle) this.updates.set(u.pledgeId, (byCycle = new Map()));
      byCycle.set(u.cycleCode, u);
    }
  }

  cycle(code: string): CycleInput {
    const c = this.cycleByCode.get(code);
    if (!c) throw new ReportInputError(`cycle ${code} is not in the dataset`);
    return c;
  }

  /** Scope cycles, oldest first; at least one. */
  scopeCycles(codes: string[]): CycleInput[] {
    if (codes.length === 0) throw new ReportInputError('at least one cycle is required');
    const wanted = new Set(codes.map((c) => this.cycle(c).code));
    return this.cycles.filter((c) => wanted.has(c.code));
  }

  previousCycle(cycle: CycleInput): CycleInput | null {
    const i = this.cycles.findIndex((c) => c.code === cycle.code);
    return i > 0 ? this.cycles[i - 1] : null;
  }

  objective(n: number): CatalogueObjective {
    const o = this.objectives.get(n);
    if (!o) throw new ReportInputError(`objective ${n} is not in the catalogue`);
    return o;
  }

  objectiveList(): CatalogueObjective[] {
    return [...this.objectives.values()].sort((a, b) => a.number - b.number);
  }

  themeList(): CatalogueTheme[] {
    return [...this.themes.values()].sort((a, b) => a.number - b.number);
  }

  isState = (organisationId: string): boolean => this.organisations.get(organisationId)?.kind === 'state';

  organisationName(id: string): string {
    return this.organisations.get(id)?.name ?? `Unknown organisation ${id}`;
  }

  /** The catalogue country of a State organisation. */
  countryOf(organisationId: string): CatalogueCountry | null {
    const alpha3 = this.organisations.get(organisationId)?.countryAlpha3;
    return alpha3 ? (this.countries.get(alpha3) ?? null) : null;
  }

  /**
   * Pledges that owe an update for the cycle: public (published, not
   * withdrawn) at any time between its period start (00:00 UTC) and its close;
   * a cycle not closed counts up to now. The in-memory copy of the database's
   * pledge_owes_update (owned by libs/reporting), pinned to it by
   * test/e2e/cycle-population.e2e-spec.ts. ISO instants compare as text.
   */
  isExpected(pledge: PledgeInput, cycle: CycleInput): boolean {
    return (cycle.closedAt === null || pledge.publishedAt <= cycle.closedAt)
      && (pledge.withdrawnAt === null || pledge.withdrawnAt >= `${cycle.periodStart}T00:00:00.000Z`);
  }

  expectedPledges(cycles: CycleInput[], filter: (p: PledgeInput) => boolean = () => true): PledgeInput[] {
    return this.data.pledges.filter((p) => filter(p) && cycles.some((c) => this.isExpected(p, c)));
  }

  /** The non-draft update of a pledge for a cycle, whatever its lifecycle. */
  update(pledgeId: string, cycleCode: string): UpdateInput | null {
    return this.updates.get(pledgeId)?.get(cycleCode) ?? null;
  }

  /** The update that counts the pledge as reported in the cycle (submitted or validated), when the pledge owes one. */
  countedUpdate(pledgeId: string, cycleCode: string): UpdateInput | null {
    const u = this.update(pledgeId, cycleCode);
    const pledge = this.pledges.get(pledgeId);
    return u && isCounted(u) && pledge && this.isExpected(pledge, this.cycle(cycleCode)) ? u : null;
  }

  /** The counted update whose content and status a report may publish: validated by the secretariat. */
  validatedUpdate(pledgeId: string, cycleCode: string): UpdateInput | null {
    const u = this.countedUpdate(pledgeId, cycleCode);
    return u && u.lifecycle === 'validated' ? u : null;
  }

  /** The validated update of the latest of `cycles` that has one. */
  latestValidatedUpdate(pledgeId: string, cycles: CycleInput[]): UpdateInput | null {
    for (let i = cycles.length - 1; i >= 0; i--) {
      const u = this.validatedUpdate(pledgeId, cycles[i].code);
      if (u) return u;
    }
    return null;
  }

  countedUpdates(cycles: CycleInput[], pledges: PledgeInput[]): UpdateInput[] {
    const out: UpdateInput[] = [];
    for (const p of pledges) {
      for (const c of cycles) {
        const u = this.countedUpdate(p.id, c.code);
        if (u) out.push(u);
      }
    }
    return out;
  }

  /**
   * The pledge's status as of the last of `cycles`, as the dashboards give
   * it: its latest validated update in that cycle or an earlier one (the
   * data set's cycles, then `statusBefore`); `no_update` when it never had a
   * validated one (the dashboards count those as not started).
   */
  reportedStatus(pledgeId: string, cycles: CycleInput[]): DistributionStatus {
    const last = this.cyclePosition.get(cycles[cycles.length - 1].code) ?? -1;
    // Sections and the change since the last cycle ask for the same pledges' statuses: each is looked up once.
    let memo = this.statuses.get(last);
    if (!memo) this.statuses.set(last, (memo = new Map()));
    const hit = memo.get(pledgeId);
    if (hit !== undefined) return hit;
    let status: DistributionStatus = this.pledges.get(pledgeId)?.statusBefore ?? 'no_update';
    const byCycle = this.updates.get(pledgeId);
    for (let i = last; byCycle && i >= 0; i--) {
      // Like the dashboards' statusAsOf: any validated update counts for carrying forward.
      const u = byCycle.get(this.cycles[i].code);
      if (u?.lifecycle === 'validated') {
        status = u.status;
        break;
      }
    }
    memo.set(pledgeId, status);
    return status;
  }

  /**
   * Roll-ups by theme count a pledge once, under the primary theme of its
   * primary objective when the pledge keeps that theme, else under its
   * lowest-numbered theme (the pledger overrode the crosswalk).
   */
  primaryTheme(pledge: PledgeInput): number | null {
    const crosswalk = this.objectives.get(pledge.primaryObjective)?.themes.find((t) => t.primary)?.number;
    if (crosswalk !== undefined && pledge.themes.includes(crosswalk)) return crosswalk;
    return pledge.themes.length > 0 ? Math.min(...pledge.themes) : (crosswalk ?? null);
  }
}

export function cycleLabel(cycles: CycleInput[]): string {
  if (cycles.length === 1) return cycles[0].code;
  return `${cycles[0].code} to ${cycles[cycles.length - 1].code}`;
}

/** The catalogue's (English) name of an M49 region, sub-region or intermediate region; null when no State of the catalogue is in it. */
export function m49RegionName(countries: CatalogueCountry[], m49: string): string | null {
  for (const c of countries) {
    if (c.regionM49 === m49) return c.region;
    if (c.subregionM49 === m49) return c.subregion;
    if (c.intermediateRegionM49 === m49) return c.intermediateRegion;
  }
  return null;
}
