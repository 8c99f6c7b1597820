import type { Budget, IndicatorContent, ObjectiveRef, PledgeForm, ThemeRef } from '../domain/pledge-content';
import type { ImplementationStatus } from '../domain/pledge-status';

/** A published pledge as anyone may read it (the shape of PUBLIC_PLEDGE_COLUMNS). */
export interface PublicPledge {
  id: string;
  reference: string;
  title: string;
  description: string;
  language: string;
  form: PledgeForm;
  matchingPledgeRef: string | null;
  state: 'published' | 'withdrawn';
  withdrawnReason: string | null;
  withdrawnAt: Date | null;
  implementationStatus: ImplementationStatus;
  startDate: string | null;
  targetDate: string | null;
  budget: Budget | null;
  frameworkVersion: number;
  publishedVersion: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  updatedAt: Date;
  leadOrganisation: { id: string; name: string; kind: string; country: string | null };
  partners: { organisationId: string | null; name: string }[];
  objectives: ObjectiveRef[];
  themes: ThemeRef[];
  principles: string[];
  recommendations: number[];
  commitments: string[];
  roundTables: string[];
  countries: string[];
  regions: string[];
  indicators: Omit<IndicatorContent, never>[];
}
