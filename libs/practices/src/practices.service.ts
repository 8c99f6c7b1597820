import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, textSearchSql } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { PracticeQueryDto } from './dto/practice-query.dto';
import type { PracticePage, PracticeSessionView, PracticeView } from './practice.view';

const PUBLIC_COLUMNS = `p.code, p.session_number AS "sessionNumber", s.code AS "sessionCode", s.title AS "sessionTitle",
  p.title, p.briefly_referred AS "brieflyReferred", p.organisation, p.period, p.geographical_scope AS "geographicalScope",
  p.description, p.impacts, p.lessons_learned AS "lessonsLearned", p.resources,
  CASE WHEN p.contact_public THEN p.contact END AS contact,
  (SELECT coalesce(array_agg(o.objective_number ORDER BY o.objective_number), '{}') FROM practice_session_objective o
    WHERE o.session_number = p.session_number) AS objectives`;

/** Public reads of the practices repository. A contact is returned only when the secretariat made it public. */
@Injectable()
export class PracticesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PracticeQueryDto): Promise<PracticePage> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    // q first: the relevance order refers to it as $1.
    if (query.q) add(textSearchSql('p.search', '?').where, query.q);
    if (query.objective) add('EXISTS (SELECT 1 FROM practice_session_objective o WHERE o.session_number = p.session_number AND o.objective_number = ?)', query.objective);
    if (query.session) {
      // A dotted session code (1.1) or the ordinal (1–7); both shapes are checked by the DTO.
      if (query.session.includes('.')) add('p.session_number = (SELECT s2.number FROM practice_session s2 WHERE s2.code = ?)', query.session);
      else add('p.session_number = ?', Number(query.session));
    }
    if (query.brieflyReferred !== undefined) add('p.briefly_referred = ?', query.brieflyReferred);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rank = query.q ? `${textSearchSql('p.search', '$1').rank} DESC,` : '';
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PUBLIC_COLUMNS} FROM practice p JOIN practice_session s ON s.number = p.session_number ${filter}
         ORDER BY ${rank} string_to_array(p.code, '.')::int[] LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM practice p ${filter}`, params),
    ]);
    return { items, total, limit, offset };
  }

  async get(code: string): Promise<PracticeView> {
    const [row] = await this.dataSource.query(
      `SELECT ${PUBLIC_COLUMNS} FROM practice p JOIN practice_session s ON s.number = p.session_number WHERE p.code = $1`,
      [code],
    );
    if (!row) throw DomainError.notFound(`Practice ${code}`);
    return row;
  }

  async sessions(): Promise<PracticeSessionView[]> {
    return this.dataSource.query(
      `SELECT s.number, s.code, s.part, s.title,
        (SELECT coalesce(json_agg(json_build_object('number', o.objective_number, 'quotedTitle', o.quoted_title) ORDER BY o.objective_number), '[]')
           FROM practice_session_objective o WHERE o.session_number = s.number) AS objectives,
        (SELECT count(*)::int FROM practice p WHERE p.session_number = s.number) AS practices
       FROM practice_session s ORDER BY s.number`,
    );
  }
}
