import type { MessageCatalogue } from '@gcm/platform';

/**
 * The reporting reminder e-mail (T−30, T−7, overdue) in the six languages,
 * ICU MessageFormat. `n` is the number of pledges (for the plural rule),
 * `count` the same number written for the language; `deadline` arrives
 * already formatted for the language (English keeps the ISO date).
 */
const en = {
  'subject.due': 'Reminder: progress updates for {cycle} are due by {deadline}',
  'subject.overdue': 'Overdue: progress updates for {cycle} (deadline {deadline})',
  'lead.due':
    'The {cycle} reporting cycle closes for on-time submissions on {deadline} ({step, select, t7 {in a week or less} other {in about a month}}), ' +
    'and {n, plural, one {a pledge of your organisation has} other {{count} pledges of your organisation have}} no submitted progress update yet.',
  'lead.overdue':
    'The deadline of {deadline} for the {cycle} reporting cycle has passed and ' +
    '{n, plural, one {a pledge of your organisation has} other {{count} pledges of your organisation have}} no submitted progress update. ' +
    'Late updates are still accepted until the cycle closes, and are flagged as late.',
  'link.noChange': 'No change since last cycle — confirm: {link}',
  'link.update': 'Update this pledge: {link}',
  'close.links': 'Each link works once, for you only, for a limited time. Or submit the updates in your workspace: {url}',
  'close.plain': 'Submit the updates in your workspace: {url}',
};

export type ReminderMessageKey = keyof typeof en;

export const REMINDER_MESSAGES: MessageCatalogue<ReminderMessageKey> = {
  en,
  fr: {
    'subject.due': 'Rappel : les rapports d’avancement pour {cycle} sont attendus d’ici le {deadline}',
    'subject.overdue': 'En retard : rapports d’avancement pour {cycle} (échéance le {deadline})',
    'lead.due':
      'Le cycle de rapport {cycle} se clôt pour les soumissions dans les délais le {deadline} ({step, select, t7 {dans une semaine au plus} other {dans un mois environ}}), ' +
      'et {n, plural, one {un engagement de votre organisation n’a} other {{count} engagements de votre organisation n’ont}} encore fait l’objet d’aucun rapport d’avancement soumis.',
    'lead.overdue':
      'L’échéance du {deadline} pour le cycle de rapport {cycle} est passée et ' +
      '{n, plural, one {un engagement de votre organisation n’a} other {{count} engagements de votre organisation n’ont}} fait l’objet d’aucun rapport d’avancement soumis. ' +
      'Les rapports tardifs sont acceptés jusqu’à la clôture du cycle et signalés comme tardifs.',
    'link.noChange': 'Aucun changement depuis le dernier cycle — confirmer : {link}',
    'link.update': 'Mettre à jour cet engagement : {link}',
    'close.links': 'Chaque lien ne fonctionne qu’une fois, pour vous seul(e), pendant une durée limitée. Vous pouvez aussi soumettre les rapports dans votre espace de travail : {url}',
    'close.plain': 'Soumettez les rapports dans votre espace de travail : {url}',
  },
  es: {
    'subject.due': 'Recordatorio: los informes de avance de {cycle} deben presentarse antes del {deadline}',
    'subject.overdue': 'Vencido: informes de avance de {cycle} (plazo {deadline})',
    'lead.due':
      'El ciclo de presentación de informes {cycle} cierra para las presentaciones puntuales el {deadline} ({step, select, t7 {en una semana o menos} other {en aproximadamente un mes}}), ' +
      'y {n, plural, one {un compromiso de su organización aún no tiene} other {{count} compromisos de su organización aún no tienen}} ningún informe de avance presentado.',
    'lead.overdue':
      'El plazo del {deadline} del ciclo de presentación de informes {cycle} ha vencido y ' +
      '{n, plural, one {un compromiso de su organización no tiene} other {{count} compromisos de su organización no tienen}} ningún informe de avance presentado. ' +
      'Los informes tardíos se aceptan hasta el cierre del ciclo y se marcan como tardíos.',
    'link.noChange': 'Sin cambios desde el último ciclo — confirmar: {link}',
    'link.update': 'Actualizar este compromiso: {link}',
    'close.links': 'Cada enlace funciona una sola vez, solo para usted y por tiempo limitado. También puede presentar los informes en su espacio de trabajo: {url}',
    'close.plain': 'Presente los informes en su espacio de trabajo: {url}',
  },
  ru: {
    'subject.due': 'Напоминание: отчёты о ходе выполнения за {cycle} нужно представить до {deadline}',
    'subject.overdue': 'Срок истёк: отчёты о ходе выполнения за {cycle} (срок {deadline})',
    'lead.due':
      'Приём своевременных отчётов за цикл {cycle} закрывается {deadline} ({step, select, t7 {не более чем через неделю} other {примерно через месяц}}), ' +
      'а по {n, plural, one {{count} обязательству вашей организации} few {{count} обязательствам вашей организации} many {{count} обязательствам вашей организации} other {{count} обязательства вашей организации}} ещё не представлен отчёт о ходе выполнения.',
    'lead.overdue':
      'Срок {deadline} для цикла отчётности {cycle} истёк, а по ' +
      '{n, plural, one {{count} обязательству вашей организации} few {{count} обязательствам вашей организации} many {{count} обязательствам вашей организации} other {{count} обязательства вашей организации}} не представлен отчёт о ходе выполнения. ' +
      'Отчёты с опозданием принимаются до закрытия цикла и помечаются как поданные с опозданием.',
    'link.noChange': 'Без изменений с прошлого цикла — подтвердить: {link}',
    'link.update': 'Обновить это обязательство: {link}',
    'close.links': 'Каждая ссылка действует один раз, только для вас и ограниченное время. Отчёты можно также представить в рабочем пространстве: {url}',
    'close.plain': 'Представьте отчёты в рабочем пространстве: {url}',
  },
  ar: {
    'subject.due': 'تذكير: يجب تقديم تقارير التقدم المحرز عن {cycle} بحلول {deadline}',
    'subject.overdue': 'متأخر: تقارير التقدم المحرز عن {cycle} (الموعد النهائي {deadline})',
    'lead.due':
      'تُغلق دورة الإبلاغ {cycle} أمام التقديم في الموعد في {deadline} ({step, select, t7 {خلال أسبوع أو أقل} other {بعد شهر تقريبًا}})، ' +
      '{n, plural, zero {ولا توجد تعهدات ({count})} one {ولم يُقدَّم بعد تقرير عن التقدم المحرز لتعهد واحد لمنظمتكم ({count})} two {ولم يُقدَّم بعد تقرير عن التقدم المحرز لتعهدين لمنظمتكم ({count})} few {ولم يُقدَّم بعد تقرير عن التقدم المحرز لـ {count} تعهدات لمنظمتكم} many {ولم يُقدَّم بعد تقرير عن التقدم المحرز لـ {count} تعهدًا لمنظمتكم} other {ولم يُقدَّم بعد تقرير عن التقدم المحرز لـ {count} تعهد لمنظمتكم}}.',
    'lead.overdue':
      'انقضى الموعد النهائي {deadline} لدورة الإبلاغ {cycle}، ' +
      '{n, plural, zero {ولا توجد تعهدات ({count})} one {ولم يُقدَّم تقرير عن التقدم المحرز لتعهد واحد لمنظمتكم ({count})} two {ولم يُقدَّم تقرير عن التقدم المحرز لتعهدين لمنظمتكم ({count})} few {ولم يُقدَّم تقرير عن التقدم المحرز لـ {count} تعهدات لمنظمتكم} many {ولم يُقدَّم تقرير عن التقدم المحرز لـ {count} تعهدًا لمنظمتكم} other {ولم يُقدَّم تقرير عن التقدم المحرز لـ {count} تعهد لمنظمتكم}}. ' +
      'وتُقبل التقارير المتأخرة حتى إغلاق الدورة، ويُشار إليها بأنها متأخرة.',
    'link.noChange': 'لا تغيير منذ الدورة السابقة — تأكيد: {link}',
    'link.update': 'تحديث هذا التعهد: {link}',
    'close.links': 'يعمل كل رابط مرة واحدة، لكم وحدكم، لمدة محدودة. أو قدّموا التقارير في مساحة عملكم: {url}',
    'close.plain': 'قدّموا التقارير في مساحة عملكم: {url}',
  },
  zh: {
    'subject.due': '提醒：{cycle} 的进展报告须在 {deadline} 前提交',
    'subject.overdue': '已逾期：{cycle} 的进展报告（截止日期 {deadline}）',
    'lead.due':
      '{cycle} 报告周期的按时提交将于 {deadline} 截止（{step, select, t7 {一周或更短时间内} other {大约一个月后}}），' +
      '{n, plural, other {贵组织有 {count} 项承诺尚未提交进展报告}}。',
    'lead.overdue':
      '{cycle} 报告周期的截止日期 {deadline} 已过，{n, plural, other {贵组织有 {count} 项承诺未提交进展报告}}。' +
      '在周期结束前仍接受逾期报告，并标记为逾期。',
    'link.noChange': '自上一周期以来无变化——确认：{link}',
    'link.update': '更新此承诺：{link}',
    'close.links': '每个链接仅可使用一次，仅限您本人，且有时间限制。您也可以在工作区提交报告：{url}',
    'close.plain': '请在工作区提交报告：{url}',
  },
};
