import { Injectable, Logger } from '@nestjs/common';
import { MailService } from '@gcm/platform';
import type { EntityManager } from 'typeorm';
import { buildReport } from '../../builders/build-report';
import type { ReportDocument } from '../../model/document.types';
import { REPORT_FORMATS } from '../../renderers/render-report';
import { DatasetSlicer } from '../dataset/dataset-slicer';
import { FlowSnapshotStore } from '../dataset/flow-snapshot.store';
import { LoadedDataset, ReportDatasetLoader } from '../dataset/report-dataset.loader';
import { ReportsConfig } from '../reports-config';
import { ReportRenderer } from './report-renderer';
import { ReportRunStore, RunRecord } from './report-run.store';
import { ReportVersionStore } from './report-version.store';

export interface BuildOutcome {
  runId: string;
  status: 'completed' | 'cancelled' | 'skipped';
  versionId?: string;
  versionNumber?: number;
  newVersion?: boolean;
  formatsRendered?: string[];
}

export interface BuildHooks {
  progress(percent: number): Promise<void>;
  /** Runs in the transaction that marks the run completed. */
  onCompleted?(run: RunRecord, m: EntityManager): Promise<void>;
}

/**
 * One run, start to finish. Every step can be repeated: a worker killed
 * anywhere leaves a state from which the retried job converges to the same
 * single version and one file per format.
 */
@Injectable()
export class ReportBuildService {
  private readonly logger = new Logger(ReportBuildService.name);

  constructor(
    private readonly runs: ReportRunStore,
    private readonly versions: ReportVersionStore,
    private readonly loader: ReportDatasetLoader,
    private readonly snapshots: FlowSnapshotStore,
    private readonly slicer: DatasetSlicer,
    private readonly renderer: ReportRenderer,
    private readonly config: ReportsConfig,
    private readonly mail: MailService,
  ) {}

  /** A flow's reports share its snapshot; a report requested on its own reads the data as it is now. */
  private data(run: RunRecord): Promise<LoadedDataset> {
    return run.flowRootId ? this.snapshots.get(run.flowRootId, run.target.cycleIds) : this.loader.load(run.target.cycleIds);
  }

  async build(runId: string, hooks: BuildHooks): Promise<BuildOutcome> {
    const run = await this.runs.get(runId);
    if (!run) throw new Error(`report run ${runId} does not exist (yet)`);
    if (run.status === 'completed') return { runId, status: 'skipped', versionId: run.versionId ?? undefined };
    if (run.status === 'cancelled' || !(await this.runs.start(runId))) return { runId, status: 'cancelled' };
    const step = async (percent: number) => (await Promise.all([this.runs.progress(runId, percent), hooks.progress(percent)]))[0];
    if (!(await step(5))) return { runId, status: 'cancelled' };

    const settings = { weakObjectiveShare: this.config.REPORT_WEAK_OBJECTIVE_SHARE, narrative: this.config.REPORT_NARRATIVE === 'on', publicUrl: this.mail.publicUrl() };
    const { input, hash } = this.slicer.slice(await this.data(run), run.target, settings);
    if (!(await step(25))) return { runId, status: 'cancelled' };

    let model: ReportDocument | null = null;
    let version: { id: string; number: number; created: boolean } | null = await this.versions.find(run.target, hash)
      .then((v) => v && { ...v, created: false });
    if (!version) {
      model = buildReport(run.target.kind, {
        ...input, language: run.target.language, publicUrl: settings.publicUrl, parameters: { weakObjectiveShare: settings.weakObjectiveShare },
        narrative: settings.narrative,
      });
      version = await this.versions.ensure(run.target, hash, model, runId);
    }
    const { id: versionId, created } = version;
    if (!(await step(40))) return { runId, status: 'cancelled' };

    const have = await this.versions.formats(versionId);
    let done = have.size;
    const rendered = have.size === REPORT_FORMATS.length ? [] : await this.renderer.renderMissing(
      // A version found rather than built is rendered from its stored model, not from a rebuild (its snapshot stamp differs).
      model && created ? model : await this.versions.model(versionId),
      have,
      async (format, file) => {
        await this.versions.saveFile(versionId, format, file);
        await step(40 + Math.round((++done / REPORT_FORMATS.length) * 55));
      },
    );
    const completed = await this.runs.complete(runId, versionId, hooks.onCompleted && ((m) => hooks.onCompleted!(run, m)));
    if (!completed) return { runId, status: 'cancelled' };
    this.logger.log({ runId, kind: run.target.kind, scope: run.target.scope, version: version.number, rendered }, 'report built');
    return {
      runId, status: 'completed', versionId, versionNumber: version.number, newVersion: created, formatsRendered: rendered,
    };
  }

  async recordFailure(runId: string, err: Error, final: boolean, kind: 'infra' | 'build'): Promise<void> {
    await this.runs.fail(runId, `${err.name}: ${err.message}`, final, kind);
  }

  /** The run waits (queued) with the reason shown, e.g. while the database is unreachable. */
  async noteWaiting(runId: string, reason: string): Promise<void> {
    await this.runs.fail(runId, reason, false, null);
  }
}
