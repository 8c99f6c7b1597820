import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { PracticeImportPage, PracticeImportsQueryDto, PracticeImportView } from './practice-import.dto';

const SUMMARY_COLUMNS = `i.id, i.imported_at AS "importedAt", i.requested_by AS "requestedBy", u.name AS "requestedByName",
  i.source_file AS "sourceFile", i.sessions, i.practices, i.created, i.updated,
  jsonb_array_length(i.warnings) AS "warningCount"`;
const FROM = 'FROM practice_import i LEFT JOIN app_user u ON u.id = i.requested_by';

/** The secretariat's read of past import runs: what each found and what it warned about. */
@Injectable()
export class PracticeImportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PracticeImportsQueryDto): Promise<PracticeImportPage> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} ${FROM} ORDER BY i.imported_at DESC, i.id LIMIT $1 OFFSET $2`, [limit, offset]),
      this.dataSource.query('SELECT count(*)::int AS total FROM practice_import'),
    ]);
    return { items, total, limit, offset };
  }

  async latest(): Promise<PracticeImportView> {
    const [row] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, i.warnings ${FROM} ORDER BY i.imported_at DESC, i.id LIMIT 1`,
    );
    if (!row) throw DomainError.notFound('Practice import');
    return row;
  }

  async get(id: string): Promise<PracticeImportView> {
    const [row] = await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS}, i.warnings ${FROM} WHERE i.id = $1`, [id]);
    if (!row) throw DomainError.notFound(`Practice import ${id}`);
    return row;
  }
}
