import type { MessageCatalogue } from '@gcm/platform/pure';
import type { PlausibilityCode } from '../domain/plausibility';

/**
 * The plausibility warnings' `message` in the six languages (ICU MessageFormat),
 * one message per code; the placeholders are the warning's `values`. The web
 * renders the same codes from its own catalogue (t.workbench.plausibility).
 */
const en: Record<PlausibilityCode, string> = {
  achieved_below_target: 'Reported as achieved, but "{name}" is at {value}, short of its target of {target}',
  against_direction: '"{name}" should {direction, select, increase {increase} other {decrease}} but moved from {from} to {to} since last cycle',
  complete_not_achieved: '100 % complete, but the status is not "achieved"',
  not_started_after_target: '"Not started" although the pledge\'s target date ({date}) has passed',
  percent_dropped: 'Percent complete fell from {from} % last cycle to {to} %',
  evidence_link_unanswered: 'The evidence link "{title}" ({url}) does not answer',
};

export const PLAUSIBILITY_MESSAGES: MessageCatalogue<PlausibilityCode> = {
  en,
  fr: {
    achieved_below_target: 'Déclaré comme réalisé, mais « {name} » est à {value}, en deçà de sa cible de {target}',
    against_direction: '« {name} » devrait {direction, select, increase {augmenter} other {diminuer}} mais est passé de {from} à {to} depuis le dernier cycle',
    complete_not_achieved: 'Achevé à 100 %, mais le statut n’est pas « Réalisé »',
    not_started_after_target: '« Non commencé » alors que la date cible de l’engagement ({date}) est dépassée',
    percent_dropped: 'Le pourcentage d’achèvement est passé de {from} % au dernier cycle à {to} %',
    evidence_link_unanswered: 'Le lien de justificatif « {title} » ({url}) ne répond pas',
  },
  es: {
    achieved_below_target: 'Declarado como cumplido, pero «{name}» está en {value}, por debajo de su meta de {target}',
    against_direction: '«{name}» debería {direction, select, increase {aumentar} other {disminuir}} pero pasó de {from} a {to} desde el último ciclo',
    complete_not_achieved: 'Completado al 100 %, pero el estado no es «Cumplido»',
    not_started_after_target: '«Sin iniciar» aunque la fecha meta de la promesa ({date}) ya pasó',
    percent_dropped: 'El porcentaje completado bajó de {from} % en el último ciclo a {to} %',
    evidence_link_unanswered: 'El enlace de evidencia «{title}» ({url}) no responde',
  },
  ru: {
    achieved_below_target: 'Отмечено как выполненное, но «{name}» составляет {value}, что ниже целевого значения {target}',
    against_direction: '«{name}» должно {direction, select, increase {расти} other {снижаться}}, но изменилось с {from} до {to} с прошлого цикла',
    complete_not_achieved: 'Выполнено на 100 %, но статус не «Выполнено»',
    not_started_after_target: '«Не начато», хотя целевая дата обязательства ({date}) прошла',
    percent_dropped: 'Процент выполнения снизился с {from} % в прошлом цикле до {to} %',
    evidence_link_unanswered: 'Ссылка на подтверждающий документ «{title}» ({url}) не отвечает',
  },
  ar: {
    achieved_below_target: 'أُبلغ عنه بأنه منجز، لكن «{name}» عند {value}، دون هدفه البالغ {target}',
    against_direction: 'كان ينبغي أن {direction, select, increase {يرتفع} other {ينخفض}} «{name}» لكنه تغيّر من {from} إلى {to} منذ الدورة السابقة',
    complete_not_achieved: 'مكتمل بنسبة 100 %، لكن الحالة ليست «منجز»',
    not_started_after_target: '«لم يبدأ» رغم أن التاريخ المستهدف للتعهد ({date}) قد انقضى',
    percent_dropped: 'انخفضت نسبة الإنجاز من {from} % في الدورة السابقة إلى {to} %',
    evidence_link_unanswered: 'رابط الدليل «{title}» ({url}) لا يستجيب',
  },
  zh: {
    achieved_below_target: '报告为已实现，但“{name}”为 {value}，未达到目标 {target}',
    against_direction: '“{name}”应当{direction, select, increase {上升} other {下降}}，但自上一周期以来从 {from} 变为 {to}',
    complete_not_achieved: '已完成 100 %，但状态不是“已实现”',
    not_started_after_target: '虽然承诺的目标日期（{date}）已过，状态仍为“尚未开始”',
    percent_dropped: '完成百分比从上一周期的 {from} % 降至 {to} %',
    evidence_link_unanswered: '证据链接“{title}”（{url}）无响应',
  },
};
