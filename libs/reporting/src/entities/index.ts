import { EvidenceBlob } from './evidence-blob.entity';
import { ProgressEvidence } from './progress-evidence.entity';
import { ProgressMeasurement } from './progress-measurement.entity';
import { ProgressUpdateReview } from './progress-update-review.entity';
import { ProgressUpdateVersion } from './progress-update-version.entity';
import { ProgressUpdate } from './progress-update.entity';
import { ReportingCycle } from './reporting-cycle.entity';

export { EvidenceBlob, ProgressEvidence, ProgressMeasurement, ProgressUpdate, ProgressUpdateReview, ProgressUpdateVersion, ReportingCycle };
export type { PartnerContribution } from './progress-update.entity';

export const REPORTING_ENTITIES = [
  EvidenceBlob, ProgressEvidence, ProgressMeasurement, ProgressUpdate, ProgressUpdateReview, ProgressUpdateVersion, ReportingCycle,
];
