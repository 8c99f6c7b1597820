import { createHash } from 'node:crypto';
import type { Locale } from '@gcm/platform/pure';
import type { CatalogueInput } from '../../model/catalogue-input.types';
import type { OrganisationInput, PledgeInput, ReportDataset, UpdateInput } from '../../model/report-input.types';
import type { ReportInput } from '../../model/report-kind.types';
import { canonicalJson } from '../../renderers/json.renderer';
import { ReportTarget, builderScope } from '../report-target';
import { LoadedDataset, ReportTargetGoneError } from './report-dataset.loader';

export interface SlicedInput {
  input: ReportInput;
  /** SHA-256 identifying the data the report is built from: the version key. */
  hash: string;
}

/** A pledge without what only its own report shows: description and indicators. */
const skeletonPledge = (p: PledgeInput): PledgeInput => ({ ...p, description: '', indicators: [] });
/** An update without its narrative, measurements, evidence and contributions: its status is what cross-pledge figures use. */
const skeletonUpdate = (u: UpdateInput): UpdateInput => ({
  ...u, actionsTaken: '', challenges: '', nextSteps: '', measurements: [], evidence: [], partnerContributions: [],
});

interface Shared {
  skeletonPledges: PledgeInput[];
  skeletonUpdates: UpdateInput[];
  organisationsById: Map<string, OrganisationInput>;
  stateByAlpha3: Map<string, OrganisationInput>;
  /** Pledges an organisation leads or partners in, in data set order. */
  pledgesByOrganisation: Map<string, PledgeInput[]>;
  updatesByPledge: Map<string, UpdateInput[]>;
  position: Map<string, number>;
  catalogues: Map<Locale, CatalogueInput>;
}

/**
 * What each report reads of a data set. A State's report needs its own and
 * partnered pledges; a region's, those its States lead; the other kinds
 * compare against all reporting States, so they see every pledge, but only
 * as a skeleton except those in scope (the texts, indicators and narratives
 * of the others never reach their document: a spec builds each kind from its
 * slice and from the whole data set and compares the bytes).
 *
 * The hash covers exactly the slice, so a version changes only when data its
 * report could show changed. Lists enter it as the SHA-256 of their items'
 * own hashes, and each item (a pledge in full or its skeleton, an update,
 * an organisation) is hashed once per data set: the jobs of a flow share one
 * data set, so a flow hashes its data about twice (full and skeleton), not
 * once per report. The catalogue in each language is hashed once too.
 */
export class DatasetSlicer {
  private readonly shared = new WeakMap<LoadedDataset, Shared>();
  private readonly hashes = new WeakMap<object, string>();
  /** Of lists: the hash of their items' hashes. */
  private readonly lists = new WeakMap<object, string>();

  /**
   * `settings`: whatever else changes what the report says (the build's
   * REPORT_WEAK_OBJECTIVE_SHARE, REPORT_NARRATIVE, PUBLIC_URL): part of the
   * snapshot hash, so a changed setting makes a new version, not a stale one.
   */
  slice(data: LoadedDataset, target: ReportTarget, settings: Record<string, string | number | boolean | null> = {}): SlicedInput {
    const shared = this.sharedOf(data);
    const own = target.kind === 'state' ? this.organisation(shared, target.scope) : null;
    const scope = builderScope(target, own?.id ?? null);
    const universe = this.universe(data, shared, target, own);
    const detail = universe ? null : this.detail(data, target);
    const universePledges = universe ?? data.pledges;
    // Updates come in pledge order (then cycle), so following the pledges keeps the data set's order.
    const universeUpdates = universe ? universe.flatMap((p) => shared.updatesByPledge.get(p.id) ?? []) : data.updates;
    const pledges = detail === null ? universePledges : data.pledges.map((p, i) => (detail.has(p.id) ? p : shared.skeletonPledges[i]));
    const updates = detail === null ? universeUpdates : data.updates.map((u, i) => (detail.has(u.pledgeId) ? u : shared.skeletonUpdates[i]));
    const organisations = universe ? this.organisationsFor(data, shared, universePledges, universeUpdates, own) : data.organisations;

    const catalogue = this.catalogueIn(data, shared, target.language);
    const dataset: Omit<ReportDataset, 'snapshot'> = {
      catalogue, cycles: data.cycles, otherCycles: data.otherCycles, organisations, pledges, updates, expertReports: data.expertReports, practices: data.practices,
    };
    const hash = this.digest({
      kind: target.kind,
      scope,
      cycles: data.cycles,
      otherCycles: data.otherCycles ?? [],
      settings,
      catalogue: this.h(catalogue),
      organisations: this.list(organisations),
      expertReports: this.list(data.expertReports),
      practices: this.list(data.practices),
      // The slice's own lists: pledges and updates in full where the report shows them, their shared skeletons elsewhere.
      pledges: this.list(pledges),
      updates: this.list(updates),
    });
    return {
      input: { ...dataset, scope, snapshot: { id: hash, takenAt: data.takenAt, frameworkVersion: data.frameworkVersion } } as ReportInput,
      hash,
    };
  }

  /** The pledges a State's or a region's report can see; null for kinds that see every pledge. */
  private universe(data: LoadedDataset, shared: Shared, target: ReportTarget, own: OrganisationInput | null): PledgeInput[] | null {
    if (target.kind === 'state' && own) return shared.pledgesByOrganisation.get(own.id) ?? [];
    if (target.kind !== 'region') return null;
    const leads = data.catalogue.countries
      .filter((c) => c.regionM49 === target.scope || c.subregionM49 === target.scope || c.intermediateRegionM49 === target.scope)
      .map((c) => shared.stateByAlpha3.get(c.alpha3)?.id);
    return leads
      .flatMap((id) => (id ? (shared.pledgesByOrganisation.get(id) ?? []).filter((p) => p.leadOrganisationId === id) : []))
      .sort((a, b) => (shared.position.get(a.id) as number) - (shared.position.get(b.id) as number));
  }

  /** Pledges shown in full by a report that sees every pledge; null: all of them (the IMRF summary). */
  private detail(data: LoadedDataset, target: ReportTarget): Set<string> | null {
    let keep: (p: PledgeInput) => boolean;
    if (target.kind === 'objective') keep = (p) => p.objectives.includes(Number(target.scope));
    else if (target.kind === 'theme') keep = (p) => p.themes.includes(Number(target.scope.slice(1)));
    else if (target.kind === 'round_table') {
      const rt = new Set(data.catalogue.roundTables.find((r) => r.code === target.scope)?.objectives.map((o) => o.number) ?? []);
      keep = (p) => p.objectives.some((n) => rt.has(n));
    } else return null;
    return new Set(data.pledges.filter(keep).map((p) => p.id));
  }

  /** Every State (the universe of "States"), the report's own organisation, and those its pledges and updates name. */
  private organisationsFor(data: LoadedDataset, shared: Shared, pledges: PledgeInput[], updates: UpdateInput[], own: OrganisationInput | null) {
    const ids = new Set<string>(own ? [own.id] : []);
    for (const p of pledges) [p.leadOrganisationId, ...p.partnerOrganisationIds].forEach((id) => ids.add(id));
    for (const u of updates) u.partnerContributions.forEach((c) => ids.add(c.organisationId));
    return data.organisations.filter((o) => o.kind === 'state' || ids.has(o.id));
  }

  /** The catalogue with only the titles of the report's language (none in English), so another language's translation never moves its hash. */
  private catalogueIn(data: LoadedDataset, shared: Shared, language: Locale): CatalogueInput {
    let c = shared.catalogues.get(language);
    if (!c) {
      const { titles, ...rest } = data.catalogue;
      const own = (titles ?? []).filter((t) => t.locale === language);
      c = own.length > 0 ? { ...rest, titles: own } : rest;
      shared.catalogues.set(language, c);
    }
    return c;
  }

  private organisation(shared: Shared, scope: string): OrganisationInput {
    const org = scope.length === 3 ? shared.stateByAlpha3.get(scope) : shared.organisationsById.get(scope);
    if (!org) throw new ReportTargetGoneError(`organisation ${scope} no longer exists`);
    return org;
  }

  private sharedOf(data: LoadedDataset): Shared {
    let s = this.shared.get(data);
    if (!s) {
      s = {
        skeletonPledges: data.pledges.map(skeletonPledge),
        skeletonUpdates: data.updates.map(skeletonUpdate),
        organisationsById: new Map(data.organisations.map((o) => [o.id, o])),
        stateByAlpha3: new Map(data.organisations.filter((o) => o.kind === 'state' && o.countryAlpha3).map((o) => [o.countryAlpha3 as string, o])),
        pledgesByOrganisation: new Map(),
        updatesByPledge: new Map(),
        position: new Map(data.pledges.map((p, i) => [p.id, i])),
        catalogues: new Map(),
      };
      const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
      for (const p of data.pledges) new Set([p.leadOrganisationId, ...p.partnerOrganisationIds]).forEach((id) => push(s!.pledgesByOrganisation, id, p));
      for (const u of data.updates) push(s.updatesByPledge, u.pledgeId, u);
      this.shared.set(data, s);
    }
    return s;
  }

  /** SHA-256 of a part of the data set, once per object. */
  private h(part: object): string {
    let hash = this.hashes.get(part);
    if (!hash) this.hashes.set(part, (hash = this.digest(part)));
    return hash;
  }

  /**
   * A list's SHA-256 over its items' own hashes, in order (fixed-length, so
   * the joined hashes name one list). Each item (a pledge, its skeleton, an
   * update, an organisation) is hashed once per data set, however many
   * reports of the flow list it; a list kept by the data set (all pledges) is
   * hashed once too.
   */
  private list(items: object[]): string {
    let hash = this.lists.get(items);
    if (!hash) {
      const sha = createHash('sha256');
      for (const item of items) sha.update(this.h(item));
      this.lists.set(items, (hash = sha.digest('hex')));
    }
    return hash;
  }

  private digest(value: unknown): string {
    return createHash('sha256').update(canonicalJson(value)).digest('hex');
  }
}
