import { IMPLEMENTATION_STATUSES, PledgeInput, ReportDataset, UpdateInput, UpdateLifecycle } from '../model/report-input.types';
import { testCatalogue } from './catalogue.fixture';
import { at10, halfYearCycle, indicator, pledge, stakeholderOrganisation, stateOrganisation, update } from './factories';
import { withCrosswalkThemes } from './hand-made.fixture';

/** mulberry32: a tiny seeded generator, so the synthetic data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  pledges: number;
  cycles: number;
  stakeholders?: number;
  seed?: number;
  /** The language the pledges and updates are written in (English by default), to measure every script. */
  contentLanguage?: 'en' | 'ar' | 'zh' | 'ru';
}

/** Pledge titles, descriptions and challenge texts as a State would write them in its language. */
const CONTENT = {
  en: {
    title: (n: number, o: number) => `Pledge ${n} on objective ${o}`,
    description: (n: number, lead: string) => `Synthetic pledge ${n}, led by ${lead}.`,
    challenge: 'Limited funding and staff turnover slowed implementation; data from local authorities arrived late and ' +
      'coordination with neighbouring States on information sharing is still informal, so several activities moved to the next cycle.',
  },
  ar: {
    title: (n: number, o: number) => `التعهد رقم ${n} بشأن الهدف ${o}`,
    description: (n: number, lead: string) => `تعهد تجريبي رقم ${n} بقيادة ${lead}.`,
    challenge: 'أبطأ نقص التمويل وتبدّل الموظفين التنفيذ؛ ووصلت بيانات السلطات المحلية متأخرة، ولا يزال التنسيق مع الدول المجاورة ' +
      'بشأن تبادل المعلومات غير رسمي، لذا نُقلت عدة أنشطة إلى الدورة التالية.',
  },
  zh: {
    title: (n: number, o: number) => `关于目标${o}的第${n}项承诺`,
    description: (n: number, lead: string) => `第${n}项示例承诺，由${lead}牵头。`,
    challenge: '资金有限和人员流动减缓了实施进度；地方当局的数据迟迟未到，与邻国在信息共享方面的协调仍不正式，因此若干活动推迟到下一周期。',
  },
  ru: {
    title: (n: number, o: number) => `Обязательство ${n} по цели ${o}`,
    description: (n: number, lead: string) => `Условное обязательство ${n}, ведущая сторона: ${lead}.`,
    challenge: 'Ограниченное финансирование и текучесть кадров замедлили осуществление; данные местных органов власти поступили с опозданием, ' +
      'а координация с соседними государствами по обмену информацией по-прежнему неформальна, поэтому ряд мероприятий перенесён на следующий цикл.',
  },
};


/**
 * Every State of the catalogue, `pledges` pledges spread over them (and a few
 * stakeholders), `cycles` half-year cycles of updates from 2025-H1 on: most
 * submitted or validated, some late, drafts and returned ones mixed in.
 * Objective 8 is pledged on rarely, as in the IMRF note.
 */
export function syntheticDataset(options: SyntheticOptions): ReportDataset {
  const rnd = random(options.seed ?? 42);
  const text = CONTENT[options.contentLanguage ?? 'en'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const catalogue = testCatalogue();
  const states = catalogue.countries.map((c) => stateOrganisation(c.alpha3, c.name));
  const stakeholders = Array.from({ length: options.stakeholders ?? 20 }, (_, i) => stakeholderOrganisation(`org-sh-${i}`, `Stakeholder ${i + 1}`, 'NGO'));
  const leads = [...states, ...stakeholders];
  const cycles = Array.from({ length: options.cycles }, (_, i) => halfYearCycle(2025 + Math.floor(i / 2), ((i % 2) + 1) as 1 | 2));
  const commitments = catalogue.themes.flatMap((t) => t.commitments.map((c) => c.code));
  const objectiveWeights = catalogue.objectives.map((o) => (o.number === 8 ? 0.2 : 1));
  const weightSum = objectiveWeights.reduce((a, b) => a + b, 0);
  const pickObjective = () => {
    let r = rnd() * weightSum;
    for (let i = 0; i < objectiveWeights.length; i++) if ((r -= objectiveWeights[i]) < 0) return catalogue.objectives[i].number;
    return 23;
  };

  const pledges: PledgeInput[] = [];
  const updates: UpdateInput[] = [];
  for (let i = 0; i < options.pledges; i++) {
    const lead = i < leads.length ? leads[i] : rnd() < 0.95 ? pick(states) : pick(stakeholders);
    const objectives = [...new Set([pickObjective(), ...(rnd() < 0.5 ? [pickObjective()] : [])])];
    const indicators = Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, k) => indicator(`i${i}-${k}`, {
      direction: pick(['increase', 'decrease', 'maintain'] as const),
      baseline: { value: 100, date: '2025-01-01' },
      target: { value: rnd() < 0.5 ? 200 : 20, date: '2028-12-31' },
    }));
    const p = withCrosswalkThemes(catalogue, pledge(`p${i}`, lead.id, objectives, {
      reference: `GCM-P-2025-${String(i + 1).padStart(5, '0')}`,
      title: text.title(i + 1, objectives[0]),
      description: text.description(i + 1, lead.name),
      commitments: rnd() < 0.7 ? [pick(commitments)] : [],
      recommendations: rnd() < 0.1 ? [pick([101, 102, 103])] : [],
      withdrawnAt: rnd() < 0.02 ? at10('2025-09-01') : null,
      indicators,
    }));
    pledges.push(p);
    for (const c of cycles) {
      const r = rnd();
      if (r < 0.15) continue;
      const lifecycle: UpdateLifecycle = r < 0.18 ? 'draft' : r < 0.2 ? 'returned' : r < 0.6 ? 'validated' : 'submitted';
      updates.push(update(p, c, {
        lifecycle,
        late: rnd() < 0.1,
        status: pick(IMPLEMENTATION_STATUSES),
        percentComplete: Math.floor(rnd() * 101),
        challenges: rnd() < 0.4 ? text.challenge : '',
        measurements: indicators.map((ind) => ({ indicatorId: ind.id, value: Math.round(rnd() * 300), asOf: c.periodEnd, note: null })),
      }));
    }
  }
  return {
    snapshot: { id: `synthetic-${options.pledges}-${options.cycles}`, takenAt: '2027-03-01T00:00:00.000Z', frameworkVersion: 1 },
    catalogue,
    cycles,
    organisations: leads,
    pledges,
    updates,
    expertReports: [],
    practices: [],
  };
}
