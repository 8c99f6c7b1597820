import type { Dataset } from './dataset';

interface PracticeRow {
  code: string;
  sessionCode: string;
  sessionTitle: string;
  title: string;
  brieflyReferred: boolean;
  organisation: string | null;
  period: string | null;
  geographicalScope: string | null;
  description: string | null;
  impacts: string | null;
  lessonsLearned: string | null;
  resources: string | null;
  contact: string | null;
  objectives: number[];
  updatedAt: Date;
}

/** The practice cards; a contact only where the secretariat made it public (decided in SQL, not here). */
export const PRACTICES_DATASET: Dataset<PracticeRow> = {
  name: 'practices',
  title: 'Innovative practices',
  description:
    'The innovative practice cards of the IDM 2022 report (IOM, International Dialogue on Migration No. 33), grouped in dialogue sessions.',
  idColumn: 'code',
  columns: [
    { name: 'code', type: 'string', description: 'Stable id: the card number printed in the report, e.g. 2.1.9.', value: (r) => r.code },
    { name: 'session_code', type: 'string', description: 'Dialogue session the card belongs to, e.g. 2.1.', value: (r) => r.sessionCode },
    { name: 'session_title', type: 'string', description: 'Title of the dialogue session.', value: (r) => r.sessionTitle },
    { name: 'title', type: 'string', description: 'Title of the practice.', value: (r) => r.title },
    {
      name: 'briefly_referred', type: 'boolean',
      description: 'True when the report only refers to the practice briefly rather than giving a full card.',
      value: (r) => r.brieflyReferred,
    },
    { name: 'organisation', type: 'string', description: 'Organisation(s) running the practice.', value: (r) => r.organisation },
    { name: 'period', type: 'string', description: 'Implementation period as printed.', value: (r) => r.period },
    { name: 'geographical_scope', type: 'string', description: 'Where the practice applies, as printed.', value: (r) => r.geographicalScope },
    { name: 'description', type: 'string', description: 'Description of the practice.', value: (r) => r.description },
    { name: 'impacts', type: 'string', description: 'Impacts reported (achieved or intended).', value: (r) => r.impacts },
    { name: 'lessons_learned', type: 'string', description: 'Lessons learned.', value: (r) => r.lessonsLearned },
    { name: 'resources', type: 'string', description: 'Links and documents cited.', value: (r) => r.resources },
    {
      name: 'contact', type: 'string',
      description: 'Contact for the practice; empty unless the secretariat has made it public.',
      value: (r) => r.contact,
    },
    {
      name: 'objectives', type: 'integer[]',
      description: 'Numbers (1-23) of the GCM objectives quoted by the card\'s dialogue session.',
      value: (r) => r.objectives,
    },
    { name: 'updated_at', type: 'datetime', description: 'When the card last changed in GCM Tracker (UTC).', value: (r) => r.updatedAt },
  ],
  async batch(db, after, size) {
    const rows: (PracticeRow & { key: number[] })[] = await db.query(
      `SELECT p.code, s.code AS "sessionCode", s.title AS "sessionTitle", p.title, p.briefly_referred AS "brieflyReferred",
         p.organisation, p.period, p.geographical_scope AS "geographicalScope", p.description, p.impacts,
         p.lessons_learned AS "lessonsLearned", p.resources,
         CASE WHEN p.contact_public THEN p.contact END AS contact,
         ARRAY(SELECT o.objective_number FROM practice_session_objective o
           WHERE o.session_number = p.session_number ORDER BY 1)::int[] AS objectives,
         p.updated_at AS "updatedAt"
       FROM practice p JOIN practice_session s ON s.number = p.session_number
       WHERE $1::text IS NULL OR string_to_array(p.code, '.')::int[] > string_to_array($1::text, '.')::int[]
       ORDER BY string_to_array(p.code, '.')::int[] LIMIT $2`,
      [after, size],
    );
    return { rows, lastId: rows.at(-1)?.code ?? null };
  },
};
