import { ReportFile } from './report-file.entity';
import { ReportRun } from './report-run.entity';
import { ReportSnapshot } from './report-snapshot.entity';
import { ReportVersion } from './report-version.entity';
import { ReportEditorial, ReportEditorialRevision } from '../../editorial/report-editorial.entity';

export * from './report-run.entity';
export * from './report-version.entity';
export * from './report-file.entity';
export * from './report-snapshot.entity';

export * from '../../editorial/report-editorial.entity';

export const REPORT_RUN_ENTITIES = [ReportRun, ReportVersion, ReportFile, ReportSnapshot, ReportEditorial, ReportEditorialRevision];
