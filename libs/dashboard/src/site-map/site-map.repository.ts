import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SiteMapEntry } from './site-map';

/**
 * The public pages that come from data, one query: every published pledge
 * (withdrawn ones keep their public page), objective, theme, round table,
 * recommendation, country and practice card.
 */
const SQL = `
  SELECT '/pledges/' || reference AS path, public_updated_at AS "lastModified", 1 AS kind, reference AS key
    FROM pledge WHERE published_version IS NOT NULL
  UNION ALL SELECT '/objectives/' || number, NULL, 2, lpad(number::text, 3, '0') FROM objective
  UNION ALL SELECT '/themes/' || code, NULL, 3, code FROM theme
  UNION ALL SELECT '/round-tables/' || code, NULL, 4, code FROM round_table
  UNION ALL SELECT '/recommendations/' || paragraph, NULL, 5, lpad(paragraph::text, 5, '0') FROM recommendation
  UNION ALL SELECT '/countries/' || alpha3, NULL, 6, alpha3 FROM country
  UNION ALL SELECT '/practices/' || code, NULL, 7, code FROM practice
  ORDER BY kind, key`;

@Injectable()
export class SiteMapRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dataPages(): Promise<SiteMapEntry[]> {
    const rows: { path: string; lastModified: Date | null }[] = await this.dataSource.query(SQL);
    return rows.map((r) => (r.lastModified ? { path: r.path, lastModified: r.lastModified } : { path: r.path }));
  }
}
