import type { MessageCatalogue } from '@gcm/platform';

/** The e-mail subscription mails (confirmation, the daily collation, the cycle digest) in the six languages, ICU MessageFormat. */
const en = {
  'topic.country': 'Country: {name}',
  'topic.objective': 'Objective {number}',
  'topic.theme': 'Theme {number}',
  'topic.digest': 'The cycle digest',
  'confirm.subject': 'GCM Tracker: confirm your subscription',
  'confirm.body':
    'Hello,\n\nSomeone (hopefully you) asked to receive GCM Tracker e-mails about: {topic}.\n' +
    'Open this link within {hours, plural, one {# hour} other {# hours}} to confirm (it works once):\n\n{link}\n\n' +
    'If you did not ask for this, ignore this message: nothing will be sent to you.\n',
  'daily.subject': 'GCM Tracker: {count, plural, one {# new item} other {# new items}} for your subscriptions',
  'daily.intro': 'Hello,\n\nHere is what was published on GCM Tracker since our last message.',
  'kind.pledge.published': 'Pledge published: {title}',
  'kind.update.validated': 'Progress validated: {title}',
  'kind.report.published': 'Report published: {title}',
  'digest.line': 'Cycle {cycle} is compiled: what moved in it',
  'footer': 'You receive at most one e-mail a day because you subscribed on GCM Tracker. To stop all of them, open:\n{link}',
};

export type SubscriptionMessageKey = keyof typeof en;

export const SUBSCRIPTION_MESSAGES: MessageCatalogue<SubscriptionMessageKey> = {
  en,
  fr: {
    'topic.country': 'Pays : {name}',
    'topic.objective': 'Objectif {number}',
    'topic.theme': 'Thème {number}',
    'topic.digest': 'Le bilan du cycle',
    'confirm.subject': 'GCM Tracker : confirmez votre abonnement',
    'confirm.body':
      'Bonjour,\n\nQuelqu’un (vous, espérons-le) a demandé à recevoir des courriels de GCM Tracker sur : {topic}.\n' +
      'Ouvrez ce lien dans {hours, plural, one {l’heure} other {les # heures}} pour confirmer (il ne sert qu’une fois) :\n\n{link}\n\n' +
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne vous sera envoyé.\n',
    'daily.subject': 'GCM Tracker : {count, plural, one {# nouvel élément} other {# nouveaux éléments}} pour vos abonnements',
    'daily.intro': 'Bonjour,\n\nVoici ce qui a été publié sur GCM Tracker depuis notre dernier message.',
    'kind.pledge.published': 'Engagement publié : {title}',
    'kind.update.validated': 'Progrès validés : {title}',
    'kind.report.published': 'Rapport publié : {title}',
    'digest.line': 'Le cycle {cycle} est compilé : ce qui a évolué',
    'footer': 'Vous recevez au plus un courriel par jour parce que vous vous êtes abonné(e) sur GCM Tracker. Pour ne plus en recevoir, ouvrez :\n{link}',
  },
  es: {
    'topic.country': 'País: {name}',
    'topic.objective': 'Objetivo {number}',
    'topic.theme': 'Tema {number}',
    'topic.digest': 'El resumen del ciclo',
    'confirm.subject': 'GCM Tracker: confirme su suscripción',
    'confirm.body':
      'Hola:\n\nAlguien (esperamos que usted) ha pedido recibir correos de GCM Tracker sobre: {topic}.\n' +
      'Abra este enlace en {hours, plural, one {# hora} other {# horas}} como máximo para confirmar (funciona una sola vez):\n\n{link}\n\n' +
      'Si no lo ha pedido usted, ignore este mensaje: no se le enviará nada.\n',
    'daily.subject': 'GCM Tracker: {count, plural, one {# novedad} other {# novedades}} para sus suscripciones',
    'daily.intro': 'Hola:\n\nEsto es lo que se ha publicado en GCM Tracker desde nuestro último mensaje.',
    'kind.pledge.published': 'Compromiso publicado: {title}',
    'kind.update.validated': 'Avance validado: {title}',
    'kind.report.published': 'Informe publicado: {title}',
    'digest.line': 'El ciclo {cycle} está compilado: lo que ha cambiado',
    'footer': 'Recibe como máximo un correo al día porque se suscribió en GCM Tracker. Para no recibir ninguno más, abra:\n{link}',
  },
  ru: {
    'topic.country': 'Страна: {name}',
    'topic.objective': 'Цель {number}',
    'topic.theme': 'Тема {number}',
    'topic.digest': 'Обзор цикла',
    'confirm.subject': 'GCM Tracker: подтвердите подписку',
    'confirm.body':
      'Здравствуйте!\n\nКто-то (надеемся, вы) попросил присылать письма GCM Tracker по теме: {topic}.\n' +
      'Откройте эту ссылку в течение {hours, plural, one {# часа} few {# часов} many {# часов} other {# часа}}, чтобы подтвердить (она действует один раз):\n\n{link}\n\n' +
      'Если вы этого не запрашивали, проигнорируйте это сообщение: вам ничего не будет отправлено.\n',
    'daily.subject': 'GCM Tracker: {count, plural, one {# новый материал} few {# новых материала} many {# новых материалов} other {# нового материала}} по вашим подпискам',
    'daily.intro': 'Здравствуйте!\n\nВот что было опубликовано в GCM Tracker с нашего последнего письма.',
    'kind.pledge.published': 'Опубликовано обязательство: {title}',
    'kind.update.validated': 'Подтвержден отчет о ходе работы: {title}',
    'kind.report.published': 'Опубликован доклад: {title}',
    'digest.line': 'Цикл {cycle} составлен: что изменилось',
    'footer': 'Вы получаете не более одного письма в день, потому что подписались в GCM Tracker. Чтобы отказаться от всех писем, откройте:\n{link}',
  },
  ar: {
    'topic.country': 'البلد: {name}',
    'topic.objective': 'الهدف {number}',
    'topic.theme': 'المحور {number}',
    'topic.digest': 'موجز الدورة',
    'confirm.subject': 'GCM Tracker: أكّد اشتراكك',
    'confirm.body':
      'مرحبًا،\n\nطلب أحدهم (ونأمل أن تكون أنت) تلقي رسائل GCM Tracker بشأن: {topic}.\n' +
      'افتح هذا الرابط خلال {hours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}} للتأكيد (يعمل مرة واحدة):\n\n{link}\n\n' +
      'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل إليك شيء.\n',
    'daily.subject': 'GCM Tracker: {count, plural, zero {لا جديد} one {عنصر جديد واحد} two {عنصران جديدان} few {# عناصر جديدة} many {# عنصرًا جديدًا} other {# عنصر جديد}} لاشتراكاتك',
    'daily.intro': 'مرحبًا،\n\nإليك ما نُشر على GCM Tracker منذ رسالتنا الأخيرة.',
    'kind.pledge.published': 'نُشر تعهد: {title}',
    'kind.update.validated': 'اعتُمد تقدم: {title}',
    'kind.report.published': 'نُشر تقرير: {title}',
    'digest.line': 'اكتمل تجميع الدورة {cycle}: ما الذي تغيّر فيها',
    'footer': 'تتلقى رسالة واحدة في اليوم على الأكثر لأنك اشتركت في GCM Tracker. لإيقافها كلها، افتح:\n{link}',
  },
  zh: {
    'topic.country': '国家：{name}',
    'topic.objective': '目标 {number}',
    'topic.theme': '主题 {number}',
    'topic.digest': '周期摘要',
    'confirm.subject': 'GCM Tracker：请确认您的订阅',
    'confirm.body':
      '您好：\n\n有人（希望是您本人）申请接收 GCM Tracker 关于以下内容的电子邮件：{topic}。\n' +
      '请在 {hours, plural, other {# 小时}}内打开此链接以确认（仅可使用一次）：\n\n{link}\n\n' +
      '如果这不是您的申请，请忽略本邮件：我们不会向您发送任何内容。\n',
    'daily.subject': 'GCM Tracker：您的订阅有 {count, plural, other {# 项}}新内容',
    'daily.intro': '您好：\n\n以下是自我们上一封邮件以来在 GCM Tracker 上发布的内容。',
    'kind.pledge.published': '已发布认捐：{title}',
    'kind.update.validated': '已核实进展：{title}',
    'kind.report.published': '已发布报告：{title}',
    'digest.line': '周期 {cycle} 已汇编：本周期的变化',
    'footer': '由于您在 GCM Tracker 上订阅，您每天最多收到一封邮件。如需全部退订，请打开：\n{link}',
  },
};
