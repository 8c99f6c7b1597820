export class ImportedPledge {
  row: number;
  id: string;
  reference: string;
  title: string;
}

export class PledgeImportResult {
  organisationId: string;
  /** SHA-256 of the file; the same file again for the same organisation is answered from the first import. */
  sha256: string;
  replayed: boolean;
  /** Drafts created for the organisation. */
  created: number;
  pledges: ImportedPledge[];
}
