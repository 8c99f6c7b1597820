import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CatalogueCountry, CatalogueInput } from '../model/catalogue-input.types';

/**
 * A catalogue for specs and benchmarks, shaped like the framework snapshot:
 * the official objective titles and default crosswalk (shared/data/gcm-framework.md),
 * the real 195 States (seeds/sources/un-states.csv), placeholder commitment texts.
 */
const OBJECTIVES: [number, string, string, string, number[]][] = [
  [1, 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies', 'Data', 'RT4', [4, 2]],
  [2, 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin', 'Adverse drivers', 'RT1', [2, 5]],
  [3, 'Provide accurate and timely information at all stages of migration', 'Information', 'RT4', [3]],
  [4, 'Ensure that all migrants have proof of legal identity and adequate documentation', 'Legal identity', 'RT2', [1, 3]],
  [5, 'Enhance availability and flexibility of pathways for regular migration', 'Regular pathways', 'RT1', [3]],
  [6, 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work', 'Fair recruitment and decent work', 'RT1', [3, 1]],
  [7, 'Address and reduce vulnerabilities in migration', 'Vulnerabilities', 'RT4', [1]],
  [8, 'Save lives and establish coordinated international efforts on missing migrants', 'Saving lives and missing migrants', 'RT2', [1, 2]],
  [9, 'Strengthen the transnational response to smuggling of migrants', 'Smuggling of migrants', 'RT2', [2]],
  [10, 'Prevent, combat and eradicate trafficking in persons in the context of international migration', 'Trafficking in persons', 'RT2', [2, 1]],
  [11, 'Manage borders in an integrated, secure and coordinated manner', 'Border management', 'RT2', [2]],
  [12, 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral', 'Screening and referral', 'RT1', [1]],
  [13, 'Use migration detention only as a measure of last resort and work towards alternatives', 'Alternatives to detention', 'RT2', [1]],
  [14, 'Enhance consular protection, assistance and cooperation throughout the migration cycle', 'Consular protection', 'RT3', [4, 1]],
  [15, 'Provide access to basic services for migrants', 'Basic services', 'RT3', [1, 4]],
  [16, 'Empower migrants and societies to realize full inclusion and social cohesion', 'Inclusion and social cohesion', 'RT3', [4]],
  [17, 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration', 'Non-discrimination and public discourse', 'RT4', [4, 1]],
  [18, 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences', 'Skills and recognition', 'RT1', [3]],
  [19, 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries', 'Diaspora contributions', 'RT3', [4]],
  [20, 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants', 'Remittances and financial inclusion', 'RT3', [4]],
  [21, 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration', 'Return and reintegration', 'RT2', [2, 4]],
  [22, 'Establish mechanisms for the portability of social security entitlements and earned benefits', 'Social security portability', 'RT3', [4, 3]],
  [23, 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration', 'International cooperation', 'RT4', [5]],
];

const THEMES: [number, string, number][] = [
  [1, 'Fulfil human rights obligations with respect to migrants', 3],
  [2, 'Reduce irregular migration and migrant smuggling, and end trafficking in persons', 6],
  [3, 'Promote regular migration pathways', 6],
  [4, "Promote migrants' contributions in countries of origin, transit and destination", 8],
  [5, 'Promote cooperation and partnership', 7],
];

/** Seed 003, section 3: the guiding questions of round table 2 on objective 8. */
const RT2_OBJECTIVE_8_QUESTIONS = [
  'What steps can be taken to prevent migrant deaths and injuries, to advance the identification of those who have died or gone missing, and to facilitate communication with affected families?',
  'What are the bottlenecks to the provision of life-saving humanitarian assistance to migrants? How can these be addressed?',
];

function findUp(start: string, relative: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    if (dirname(dir) === dir) throw new Error(`${relative} not found above ${start}`);
  }
}

function loadCountries(): CatalogueCountry[] {
  const rows = parse(readFileSync(findUp(__dirname, 'seeds/sources/un-states.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    alpha3: r.alpha3, alpha2: r.alpha2, name: r.iso_name, region: r.region, regionM49: r.region_m49, subregion: r.subregion,
    subregionM49: r.subregion_m49, intermediateRegion: r.intermediate_region || null,
    intermediateRegionM49: r.intermediate_region_m49 || null, unStatus: r.un_status as 'member' | 'observer',
  }));
}

let cached: CatalogueInput | null = null;

export function testCatalogue(): CatalogueInput {
  if (cached) return structuredClone(cached);
  cached = {
    objectives: OBJECTIVES.map(([number, title, shortLabel, roundTable, themes]) => ({
      number, title, shortLabel, roundTable, themes: themes.map((t, i) => ({ number: t, primary: i === 0 })),
    })),
    themes: THEMES.map(([number, title, n]) => ({
      number, code: `T${number}`, title,
      commitments: Array.from({ length: n }, (_, i) => ({ code: `T${number}.C${i + 1}`, position: i + 1, text: `Actionable commitment ${i + 1} of theme ${number}` })),
    })),
    recommendations: [
      { paragraph: 101, shortTitle: 'Expand and diversify rights-based pathways for regular migration', objectives: [5] },
      { paragraph: 102, shortTitle: 'Comply with the obligation of non-refoulement at borders', objectives: [11] },
      { paragraph: 103, shortTitle: 'Realise the right to proof of legal identity for all migrants', objectives: [4] },
    ],
    roundTables: [1, 2, 3, 4].map((n) => ({
      code: `RT${n}`, number: n, title: `Round table ${n}`, year: 2022,
      objectives: OBJECTIVES.filter((o) => o[3] === `RT${n}`).map((o) => ({ number: o[0] })),
      ...(n === 2 ? { guidingQuestions: RT2_OBJECTIVE_8_QUESTIONS.map((text) => ({ objective: 8, text })) } : {}),
    })),
    countries: loadCountries(),
    principles: [{ key: 'a', name: 'People-centred' }, { key: 'f', name: 'Human rights' }],
  };
  return structuredClone(cached);
}
