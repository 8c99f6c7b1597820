import type { ImplementationStatus } from './stats-types';

/** A published pledge as the public API returns it (libs/pledges public-pledge.types.ts). */
export interface PublicPledge {
  id: string;
  reference: string;
  title: string;
  description: string;
  form: string;
  matchingPledgeRef: string | null;
  state: 'published' | 'withdrawn';
  withdrawnReason: string | null;
  implementationStatus: ImplementationStatus;
  startDate: string | null;
  targetDate: string | null;
  budget: { amount: number; currency: string } | null;
  firstPublishedAt: string;
  updatedAt: string;
  leadOrganisation: { id: string; name: string; kind: string; country: string | null };
  partners: { organisationId: string | null; name: string }[];
  objectives: { number: number; primary: boolean }[];
  themes: { number: number; primary: boolean }[];
  principles: string[];
  recommendations: number[];
  commitments: string[];
  roundTables: string[];
  countries: string[];
  regions: string[];
  indicators: { id: string; name: string; unit: string; direction: string; baseline: { value: number; date: string }; target: { value: number; date: string }; sdgIndicator: string | null }[];
}

/** A validated progress update on the pledge's public timeline (libs/reporting public-progress.source.ts). */
export interface TimelineEntry {
  id: string;
  cycle: string;
  periodStart: string;
  periodEnd: string;
  status: ImplementationStatus;
  percentComplete: number;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  isLate: boolean;
  noChange: boolean;
  validatedAt: string;
  measurements: { indicatorId: string; indicatorName: string; unit: string; value: number; asOf: string; note: string | null; target: number }[];
  evidence: { id: string; kind: 'url' | 'file'; title: string; url: string | null; fileName: string | null; download: string | null }[];
  partnerContributions: { name: string; contribution: string }[];
}

export interface PledgeDetail extends PublicPledge {
  timeline: TimelineEntry[];
}

export interface PledgePage {
  items: PublicPledge[];
  total: number;
  limit: number;
  offset: number;
}

/** libs/pledges pledge-query.dto.ts PLEDGE_SORTS. */
export type PledgeSortKey = 'reference' | 'title' | 'startDate' | 'targetDate' | 'updatedAt' | 'relevance';

export interface PledgeQuery {
  q?: string;
  objective?: number;
  theme?: number;
  region?: string;
  country?: string;
  pledgerKind?: string;
  form?: string;
  status?: string;
  sort?: PledgeSortKey;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}
