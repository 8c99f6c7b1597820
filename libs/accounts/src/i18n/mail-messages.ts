import type { MessageCatalogue } from '@gcm/platform';

/** The accounts e-mails (invitation, password reset) in the six languages, ICU MessageFormat. */
const en = {
  'role.secretariat': 'a member of the review secretariat',
  'role.focal_point': 'a focal point',
  'role.expert': 'an expert',
  'role.none': 'a user',
  'invite.subject': 'You are invited to GCM Tracker',
  'invite.body':
    'Hello {name},\n\nYou have been invited to GCM Tracker as {role}{organisation, select, none {} other { for {organisation}}}.\n' +
    'Open this link to choose your password (it works once, until {expires} UTC):\n\n{link}\n',
  'reset.subject': 'GCM Tracker: reset your password',
  'reset.body':
    'Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your GCM Tracker account.\n' +
    'Open this link within {minutes, plural, one {# minute} other {# minutes}} to choose a new one:\n\n{link}\n\n' +
    'If you did not ask for this, ignore this message: your password stays as it is.\n',
};

export type MailMessageKey = keyof typeof en;

export const MAIL_MESSAGES: MessageCatalogue<MailMessageKey> = {
  en,
  fr: {
    'role.secretariat': 'membre du secrétariat de l’examen',
    'role.focal_point': 'point focal',
    'role.expert': 'expert',
    'role.none': 'utilisateur',
    'invite.subject': 'Vous êtes invité(e) sur GCM Tracker',
    'invite.body':
      'Bonjour {name},\n\nVous avez été invité(e) sur GCM Tracker avec le rôle « {role} »{organisation, select, none {} other { pour {organisation}}}.\n' +
      'Ouvrez ce lien pour choisir votre mot de passe (il ne sert qu’une fois, jusqu’au {expires} UTC) :\n\n{link}\n',
    'reset.subject': 'GCM Tracker : réinitialiser votre mot de passe',
    'reset.body':
      'Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé la réinitialisation du mot de passe de votre compte GCM Tracker.\n' +
      'Ouvrez ce lien dans {minutes, plural, one {la minute} other {les # minutes}} pour en choisir un nouveau :\n\n{link}\n\n' +
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n',
  },
  es: {
    'role.secretariat': 'miembro de la secretaría del examen',
    'role.focal_point': 'punto focal',
    'role.expert': 'experto',
    'role.none': 'usuario',
    'invite.subject': 'Le invitamos a GCM Tracker',
    'invite.body':
      'Hola, {name}:\n\nHa recibido una invitación a GCM Tracker como {role}{organisation, select, none {} other { de {organisation}}}.\n' +
      'Abra este enlace para elegir su contraseña (funciona una sola vez, hasta el {expires} UTC):\n\n{link}\n',
    'reset.subject': 'GCM Tracker: restablecer su contraseña',
    'reset.body':
      'Hola, {name}:\n\nAlguien (esperamos que usted) ha pedido restablecer la contraseña de su cuenta de GCM Tracker.\n' +
      'Abra este enlace en {minutes, plural, one {# minuto} other {# minutos}} como máximo para elegir una nueva:\n\n{link}\n\n' +
      'Si no lo ha pedido usted, ignore este mensaje: su contraseña no cambia.\n',
  },
  ru: {
    'role.secretariat': 'сотрудник секретариата обзора',
    'role.focal_point': 'координатор',
    'role.expert': 'эксперт',
    'role.none': 'пользователь',
    'invite.subject': 'Приглашение в GCM Tracker',
    'invite.body':
      'Здравствуйте, {name}!\n\nВас пригласили в GCM Tracker в качестве участника с ролью «{role}»{organisation, select, none {} other { от организации {organisation}}}.\n' +
      'Откройте эту ссылку, чтобы задать пароль (она действует один раз, до {expires} UTC):\n\n{link}\n',
    'reset.subject': 'GCM Tracker: сброс пароля',
    'reset.body':
      'Здравствуйте, {name}!\n\nКто-то (надеемся, вы) запросил сброс пароля вашей учётной записи GCM Tracker.\n' +
      'Откройте эту ссылку в течение {minutes, plural, one {# минуты} few {# минут} many {# минут} other {# минуты}}, чтобы задать новый пароль:\n\n{link}\n\n' +
      'Если вы этого не запрашивали, просто проигнорируйте это письмо: ваш пароль останется прежним.\n',
  },
  ar: {
    'role.secretariat': 'عضو في أمانة الاستعراض',
    'role.focal_point': 'جهة تنسيق',
    'role.expert': 'خبير',
    'role.none': 'مستخدم',
    'invite.subject': 'دعوة للانضمام إلى GCM Tracker',
    'invite.body':
      'مرحبًا {name}،\n\nلقد دُعيت إلى GCM Tracker بصفة {role}{organisation, select, none {} other { لدى {organisation}}}.\n' +
      'افتح هذا الرابط لاختيار كلمة المرور (يعمل مرة واحدة، حتى {expires} بالتوقيت العالمي):\n\n{link}\n',
    'reset.subject': 'GCM Tracker: إعادة تعيين كلمة المرور',
    'reset.body':
      'مرحبًا {name}،\n\nطلب شخص ما (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك في GCM Tracker.\n' +
      'افتح هذا الرابط خلال {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} لاختيار كلمة مرور جديدة:\n\n{link}\n\n' +
      'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.\n',
  },
  zh: {
    'role.secretariat': '审查秘书处成员',
    'role.focal_point': '联络人',
    'role.expert': '专家',
    'role.none': '用户',
    'invite.subject': '邀请您加入 GCM Tracker',
    'invite.body':
      '{name}，您好：\n\n您已受邀以{role}身份加入 GCM Tracker{organisation, select, none {} other {（{organisation}）}}。\n' +
      '请打开此链接设置密码（仅可使用一次，有效期至 UTC {expires}）：\n\n{link}\n',
    'reset.subject': 'GCM Tracker：重置密码',
    'reset.body':
      '{name}，您好：\n\n有人（希望是您本人）申请重置您的 GCM Tracker 账户密码。\n' +
      '请在 {minutes, plural, other {# 分钟}}内打开此链接设置新密码：\n\n{link}\n\n' +
      '如果这不是您本人的操作，请忽略此邮件：您的密码不会改变。\n',
  },
};
