import type { ExpertReportStatus } from './expert-report.entity';

/** An expert challenge report (read by the Swagger plugin). The public sees the first block only. */
export class ExpertReportView {
  id: string;
  title: string;
  body: string;
  /** BCP 47 tag of the language title and body are written in: show them with this `lang`. Never machine-translated. */
  language: string;
  year: number;
  /** ICMPD theme number, or null when the report is on an objective. */
  theme: number | null;
  /** GCM objective number, or null when the report is on a theme. */
  objective: number | null;
  /** The signature: the mandate, else the author's organisation or name. */
  filedBy: string;
  publishedAt: Date | null;
  /** Author and secretariat only, from here on. */
  status?: ExpertReportStatus;
  version?: number;
  mandate?: string | null;
  reviewNote?: string | null;
  authorId?: string;
  createdAt?: Date;
  updatedAt?: Date;
  submittedAt?: Date | null;
}

export class ExpertReportPage {
  items: ExpertReportView[];
  total: number;
  limit: number;
  offset: number;
}
