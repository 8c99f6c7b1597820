import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertVersion, AuditService, DomainError, updateVersioned } from '@gcm/platform';
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
      const target = { table: 'practice', what: `practice ${code}`, key: code, keyColumn: 'code' };
      assertVersion(target.what, before.version, dto.version);
      if (before.contactPublic === dto.contactPublic) return before;
      const after = await updateVersioned<PracticeContactView>(m, target, before.version, 'contact_public = $3', [dto.contactPublic], CONTACT_VIEW);
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
