import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, ErrorCode } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PracticeContactPatchDto, PracticeContactView } from '../dto/practice-contact.dto';

const CONTACT_VIEW = 'code, contact, contact_public AS "contactPublic", version';

/** The secretariat's edits of practice cards: today, whether a card's contact is public. */
@Injectable()
export class PracticeAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async contact(code: string): Promise<PracticeContactView> {
    return this.load(this.dataSource.manager, code);
  }

  async setContactPublic(code: string, dto: PracticeContactPatchDto): Promise<PracticeContactView> {
    const view = await this.dataSource.transaction(async (m) => {
      const before = await this.load(m, code, true);
      if (before.version !== dto.version) {
        throw new DomainError(
          ErrorCode.VersionConflict,
          `Practice ${code} was changed by someone else (now at version ${before.version}); reload it and try again`,
          { currentVersion: before.version },
        );
      }
      if (before.contactPublic === dto.contactPublic) return before;
      const [[after]] = await m.query(
        `UPDATE practice SET contact_public = $2, version = version + 1, updated_at = now() WHERE code = $1 RETURNING ${CONTACT_VIEW}`,
        [code, dto.contactPublic],
      );
      await this.audit.record(m, {
        action: 'practice.contact_visibility', entityType: 'practice', entityId: code,
        before: { contactPublic: before.contactPublic, version: before.version },
        after: { contactPublic: after.contactPublic, version: after.version },
      });
      return after as PracticeContactView;
    });
    return view;
  }

  private async load(m: EntityManager, code: string, lock = false): Promise<PracticeContactView> {
    const [row] = await m.query(`SELECT ${CONTACT_VIEW} FROM practice WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
    if (!row) throw DomainError.notFound(`Practice ${code}`);
    return row as PracticeContactView;
  }
}
