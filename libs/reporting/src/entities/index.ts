import { DeadlineExtension } from './deadline-extension.entity';
import { EvidenceBlob } from './evidence-blob.entity';
import { EvidenceUpload, EvidenceUploadChunk } from './evidence-upload.entity';
import { ProgressEvidence } from './progress-evidence.entity';
import { ProgressMeasurement } from './progress-measurement.entity';
import { ProgressUpdateReview } from './progress-update-review.entity';
import { ProgressUpdateVersion } from './progress-update-version.entity';
import { ProgressUpdate } from './progress-update.entity';
import { ReportingCycle } from './reporting-cycle.entity';

export { DeadlineExtension, EvidenceBlob, EvidenceUpload, EvidenceUploadChunk, ProgressEvidence, ProgressMeasurement, ProgressUpdate, ProgressUpdateReview, ProgressUpdateVersion, ReportingCycle };
export { EXTENSION_STATUSES } from './deadline-extension.entity';
export type { ExtensionStatus } from './deadline-extension.entity';
export type { PartnerContribution } from './progress-update.entity';

export const REPORTING_ENTITIES = [
  DeadlineExtension, EvidenceBlob, EvidenceUpload, EvidenceUploadChunk, ProgressEvidence, ProgressMeasurement, ProgressUpdate, ProgressUpdateReview, ProgressUpdateVersion, ReportingCycle,
];
