import { catalogueGaps } from '@gcm/platform';
import { REMINDER_MESSAGES } from '../i18n/reminder-messages';
import { reminderMessage } from './reminder-message';

const group = { userId: 'u', cycleId: 'c', cycleCode: '2026-H1', deadline: '2026-08-14', pledges: [
  { id: 'p1', reference: 'GCM-P-2026-00001', title: 'Search and rescue coordination' },
  { id: 'p2', reference: 'GCM-P-2026-00002', title: null },
] };

describe('reminderMessage', () => {
  it('names the cycle, the deadline and every pledge, with a link to the workspace', () => {
    const m = reminderMessage({ ...group, step: 't30' }, 'https://gcm.example.org');
    expect(m.subject).toBe('Reminder: progress updates for 2026-H1 are due by 2026-08-14');
    expect(m.body).toContain('2 pledges of your organisation have no submitted progress update yet');
    expect(m.body).toContain('- GCM-P-2026-00001: Search and rescue coordination\n- GCM-P-2026-00002\n');
    expect(m.body).toContain('https://gcm.example.org');
  });

  it('says a week or less at T−7 and that late updates are still accepted once overdue', () => {
    expect(reminderMessage({ ...group, step: 't7' }, 'x').body).toContain('in a week or less');
    const overdue = reminderMessage({ ...group, step: 'overdue', pledges: group.pledges.slice(0, 1) }, 'x');
    expect(overdue.subject).toBe('Overdue: progress updates for 2026-H1 (deadline 2026-08-14)');
    expect(overdue.body).toContain('a pledge of your organisation has no submitted progress update');
    expect(overdue.body).toContain('Late updates are still accepted until the cycle closes');
  });
});

describe('reminderMessage in the recipient language', () => {
  it('has every English message in all six languages, with the same placeholders', () => {
    expect(catalogueGaps(REMINDER_MESSAGES)).toEqual([]);
  });

  it('writes the subject, the lead, the dates and the links in the language; references and titles as written', () => {
    const links = new Map([['p1', { noChange: 'https://x/n1', update: 'https://x/u1' }], ['p2', { noChange: 'https://x/n2', update: 'https://x/u2' }]]);
    const fr = reminderMessage({ ...group, step: 't7' }, 'https://gcm.example.org', links, 'fr');
    expect(fr.subject).toBe('Rappel : les rapports d’avancement pour 2026-H1 sont attendus d’ici le 14 août 2026');
    expect(fr.body).toContain('dans une semaine au plus');
    expect(fr.body).toContain('2 engagements de votre organisation n’ont encore fait l’objet');
    expect(fr.body).toContain('- GCM-P-2026-00001: Search and rescue coordination\n  Aucun changement depuis le dernier cycle — confirmer : https://x/n1\n  Mettre à jour cet engagement : https://x/u1');
    expect(fr.body).toContain('espace de travail : https://gcm.example.org');
    const ru = reminderMessage({ ...group, step: 'overdue' }, 'x', undefined, 'ru');
    expect(ru.subject).toBe('Срок истёк: отчёты о ходе выполнения за 2026-H1 (срок 14 августа 2026 г.)');
    expect(ru.body).toContain('по 2 обязательствам вашей организации не представлен');
    const ar = reminderMessage({ ...group, step: 't30', pledges: group.pledges.slice(0, 1) }, 'x', undefined, 'ar');
    expect(ar.body).toContain('لتعهد واحد لمنظمتكم');
    expect(ar.body).toContain('بعد شهر تقريبًا');
    const zh = reminderMessage({ ...group, step: 't30' }, 'x', undefined, 'zh');
    expect(zh.subject).toBe('提醒：2026-H1 的进展报告须在 2026年8月14日 前提交');
  });

  it('keeps the English text as it was', () => {
    expect(reminderMessage({ ...group, step: 't30' }, 'x', undefined, 'en')).toEqual(reminderMessage({ ...group, step: 't30' }, 'x'));
  });
});
