import { IsBoolean, IsInt, Min } from 'class-validator';

export class PracticeContactPatchDto {
  /** Whether the practice's contact is shown to the public (and in open data). */
  @IsBoolean()
  contactPublic: boolean;

  /** The practice's version as last read; a stale version gets 409. */
  @IsInt()
  @Min(1)
  version: number;
}

export class PracticeContactView {
  code: string;
  contact: string | null;
  contactPublic: boolean;
  version: number;
}
