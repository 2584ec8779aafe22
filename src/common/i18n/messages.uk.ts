import { Message } from './message';
import type { MessageKey } from './messages.en';

/**
 * The Ukrainian catalogue. Typed against the English one, so every key must be present and no
 * other key may appear. Plural messages give all four `Intl.PluralRules('uk')` forms:
 * one (1, 21, 31…), few (2–4, 22–24…), many (0, 5–20, 25–30…) and other (fractions).
 * Numbers that are not `count` stay out of agreement ("кредитів: {price}") so any value reads well.
 * The user is addressed as "ви"; past tenses about the bot are kept impersonal, free of gender.
 */
export const uk: Record<MessageKey, Message> = {
  'command.start': 'Почати або повернутися',
  'command.help': 'Що я вмію',
  'command.read': 'Обрати розклад',
  'command.spreads': 'Розклади та ціни',
  'command.today': 'Ваша безкоштовна карта дня',
  'command.past': 'Ваші попередні розклади',
  'command.balance': 'Ваші кредити',
  'command.buy': 'Купити кредити',
  'command.subscribe': 'Щомісячна підписка',
  'command.decks': 'Обрати колоду',
  'command.preferences': 'Мова, колода, перевернуті карти',
  'command.cancel': 'Зупинити поточну дію',
  'command.paysupport': 'Допомога з оплатою',
  'command.terms': 'Умови користування',
  'command.privacy': 'Які дані ми зберігаємо і як їх видалити',
  'command.deleteme': 'Видалити мої дані',

  'start.new': {
    one: '✨ Вітаю, {name}! Я роблю розклади на картах таро.\n\nДля початку дарую вам <b>{count} кредит</b>. Оберіть розклад командою /read або витягніть безкоштовну карту дня через /today.',
    few: '✨ Вітаю, {name}! Я роблю розклади на картах таро.\n\nДля початку дарую вам <b>{count} кредити</b>. Оберіть розклад командою /read або витягніть безкоштовну карту дня через /today.',
    many: '✨ Вітаю, {name}! Я роблю розклади на картах таро.\n\nДля початку дарую вам <b>{count} кредитів</b>. Оберіть розклад командою /read або витягніть безкоштовну карту дня через /today.',
    other: '✨ Вітаю, {name}! Я роблю розклади на картах таро.\n\nДля початку дарую вам <b>{count} кредиту</b>. Оберіть розклад командою /read або витягніть безкоштовну карту дня через /today.',
  },
  'start.returning': {
    one: 'З поверненням, {name}! У вас <b>{count} кредит</b>. Коли будете готові, надішліть /read.',
    few: 'З поверненням, {name}! У вас <b>{count} кредити</b>. Коли будете готові, надішліть /read.',
    many: 'З поверненням, {name}! У вас <b>{count} кредитів</b>. Коли будете готові, надішліть /read.',
    other: 'З поверненням, {name}! У вас <b>{count} кредиту</b>. Коли будете готові, надішліть /read.',
  },
  // Fills {name} in "Вітаю, {name}!", hence the vocative.
  'start.anonymous': 'друже',

  'help.text':
    '<b>Що я вмію</b>\n\n/read – обрати розклад і поставити запитання\n/today – безкоштовна карта дня\n/past – ваші попередні розклади\n/balance – ваші кредити\n/buy – купити кредити за Telegram Stars\n/subscribe – щомісячний тариф із кредитами\n/preferences – мова, колода й перевернуті карти\n/cancel – зупинити поточний розклад\n/paysupport – допомога з оплатою\n/terms – умови користування\n/privacy – ваші дані\n/deleteme – видалити ваші дані',

  'balance.credits': {
    one: 'У вас <b>{count} кредит</b>.',
    few: 'У вас <b>{count} кредити</b>.',
    many: 'У вас <b>{count} кредитів</b>.',
    other: 'У вас <b>{count} кредиту</b>.',
  },
  'balance.subscription': 'Ваш тариф: <b>{tier}</b>, дата продовження або завершення: {date}.',
  'balance.howToBuy': 'Докупити кредити можна через /buy.',

  'cancel.done': 'Зупинено. Нічого не списано.',
  'cancel.nothing': 'Зараз нічого скасовувати.',

  'paysupport.text':
    '<b>Допомога з оплатою</b>\n\nЯкщо з платежем щось пішло не так, напишіть нам сюди, вказавши дату й суму, і ми розберемося протягом 48 годин. Невикористані кредити можна повернути протягом 30 днів після покупки.',
  'terms.text':
    '<b>Умови користування</b>\n\nРозклади призначені для роздумів і розваги; вони не є медичною, юридичною чи фінансовою порадою. Кредити купуються за Telegram Stars і списуються лише тоді, коли розклад надіслано. Невикористані кредити з покупки можна повернути протягом 30 днів. Ми можемо заблокувати акаунти, які зловживають сервісом.',
  'privacy.text':
    '<b>Ваші дані</b>\n\nМи зберігаємо ваш Telegram id, мову й налаштування, ваші кредити та платежі, а також розклади разом із запитаннями й відповідями, які ви надали. Ми не продаємо їх і нікому не передаємо. /deleteme стирає ваші запитання, відповіді, розклади й налаштування; записи про платежі зберігаються, як того вимагає закон.',

  'deleteme.confirm':
    'Це зітре ваші запитання, відповіді, розклади та налаштування. Залишок кредитів і записи про платежі збережуться. Ви впевнені?',
  'deleteme.yes': 'Так, видалити мої дані',
  'deleteme.no': 'Ні, залишити',
  'deleteme.done': 'Ваші дані видалено. Надішліть /start, коли захочете повернутися.',
  'deleteme.kept': 'Нічого не видалено.',

  'read.menu': {
    one: '🔮 <b>Оберіть розклад</b>\nЦіни вказано в кредитах; у вас <b>{count} кредит</b>.',
    few: '🔮 <b>Оберіть розклад</b>\nЦіни вказано в кредитах; у вас <b>{count} кредити</b>.',
    many: '🔮 <b>Оберіть розклад</b>\nЦіни вказано в кредитах; у вас <b>{count} кредитів</b>.',
    other: '🔮 <b>Оберіть розклад</b>\nЦіни вказано в кредитах; у вас <b>{count} кредиту</b>.',
  },
  'read.spreadButton': {
    one: '{name} · {count} кредит',
    few: '{name} · {count} кредити',
    many: '{name} · {count} кредитів',
    other: '{name} · {count} кредиту',
  },
  'read.notEnough': {
    one: 'Для розкладу <b>{name}</b> потрібно кредитів: {price}, а на вашому балансі {count} кредит. Поповніть баланс, щоб продовжити.',
    few: 'Для розкладу <b>{name}</b> потрібно кредитів: {price}, а на вашому балансі {count} кредити. Поповніть баланс, щоб продовжити.',
    many: 'Для розкладу <b>{name}</b> потрібно кредитів: {price}, а на вашому балансі {count} кредитів. Поповніть баланс, щоб продовжити.',
    other: 'Для розкладу <b>{name}</b> потрібно кредитів: {price}, а на вашому балансі {count} кредиту. Поповніть баланс, щоб продовжити.',
  },
  'read.buyButton': '💫 Купити кредити',
  'read.askQuestion': {
    one: 'Ви обрали розклад <b>{name}</b> ({count} кредит). {description}\n\nПро що ви хочете запитати карти? Напишіть своє запитання або надішліть /skip, щоб зробити розклад без нього. /cancel — зупинити.',
    few: 'Ви обрали розклад <b>{name}</b> ({count} кредити). {description}\n\nПро що ви хочете запитати карти? Напишіть своє запитання або надішліть /skip, щоб зробити розклад без нього. /cancel — зупинити.',
    many: 'Ви обрали розклад <b>{name}</b> ({count} кредитів). {description}\n\nПро що ви хочете запитати карти? Напишіть своє запитання або надішліть /skip, щоб зробити розклад без нього. /cancel — зупинити.',
    other: 'Ви обрали розклад <b>{name}</b> ({count} кредиту). {description}\n\nПро що ви хочете запитати карти? Напишіть своє запитання або надішліть /skip, щоб зробити розклад без нього. /cancel — зупинити.',
  },
  'read.questionTooLong': 'Це трохи задовго (символів: {length}). Будь ласка, вкладіться в {max} символів.',
  'read.answerNeedsText': 'Будь ласка, дайте відповідь словами або надішліть /skip.',
  'read.questionnaireIntro': 'Кілька запитань зроблять розклад справді вашим. /skip — пропустити запитання, /cancel — зупинити.',
  'read.questionnaireStep': '<b>{index}/{total}.</b> {question}',
  'read.shuffling': '🃏 Тасую колоду й витягаю ваші карти…',
  'read.cardsHeader': '🃏 <b>{name}</b>',
  'read.cardLine': '{index}. <b>{position}</b>: {card}',
  'read.cardLineReversed': '{index}. <b>{position}</b>: {card} <i>({reversed})</i>',
  'read.reversedMasculine': 'перевернутий',
  'read.reversedFeminine': 'перевернута',
  'read.reversedNeuter': 'перевернуте',
  'read.reversedPlural': 'перевернуті',
  'read.questionLine': '<i>Ваше запитання:</i> {question}',
  'read.summaryHeader': '📌 <b>Коротко</b>',
  'read.themeHeader': '✨ <b>Розклад загалом</b>',
  'read.timelineHeader': '🗓 <b>Хронологія</b>',
  'read.chapterHeader': '📖 <b>{title}</b>',
  'read.journeyHeader': '🔮 <b>Карти</b>',
  'read.journeyCard': '<b>{position} · {card}</b>',
  'read.guidanceHeader': '🧭 <b>Порада</b>',
  'read.paid': {
    one: 'Списано кредитів: {price}; залишився <b>{count} кредит</b>.',
    few: 'Списано кредитів: {price}; залишилося <b>{count} кредити</b>.',
    many: 'Списано кредитів: {price}; залишилося <b>{count} кредитів</b>.',
    other: 'Списано кредитів: {price}; залишилося <b>{count} кредиту</b>.',
  },
  'read.again': '🔁 Ще один розклад',
  'read.pastButton': '📜 Мої розклади',
  'read.failed': 'Не вдалося завершити цей розклад, тож нічого не списано. Будь ласка, спробуйте ще раз через /read.',
  'read.insufficientAtCharge':
    'На вашому балансі вже не вистачає кредитів на цей розклад, тому його не завершено й нічого не списано. Поповнити баланс: /buy.',
  'read.expired': 'Ваш розклад 30 хвилин чекав на відповідь, тому його закрито. Нічого не списано; почати знову можна через /read.',
  'read.skipNothing': 'Зараз нічого пропускати.',
  'read.unknownSpread': 'Цей розклад більше недоступний. Будь ласка, оберіть інший через /read.',
  'read.replaced': 'Ваш незавершений розклад закрито (нічого не списано), і ми починаємо новий.',

  'safety.reply':
    '💛 Те, що ви написали, звучить дуже важко, і ви заслуговуєте на справжню підтримку, а не на карти. Якщо вам загрожує небезпека або ви думаєте про те, щоб покінчити з життям, будь ласка, просто зараз зателефонуйте на місцевий номер екстреної допомоги або зверніться на лінію кризової підтримки: на findahelpline.com зібрано безкоштовні конфіденційні лінії вашої країни. Розмова з людиною, якій ви довіряєте, теж може допомогти. Розклад не створено, і нічого не списано.',

  'today.header': '🌅 <b>Ваша карта дня</b>',
  'today.again': 'Це ваша карта на сьогодні; нова з’явиться опівночі за UTC.',

  'past.empty': 'У вас ще немає розкладів. Зробити перший: /read.',
  'past.header': '📜 <b>Ваші розклади</b> · сторінка {page} з {pages}',
  'past.item': '{date} · {name}',
  'past.itemUnfinished': '{date} · {name} ({status})',
  'past.prev': '◀ Новіші',
  'past.next': 'Старіші ▶',
  'past.notFound': 'Цей розклад більше недоступний.',
  'past.notCompleted': 'Цей розклад не було завершено ({status}); нічого за нього не списано.',
  'status.completed': 'завершено',
  'status.in_progress': 'триває',
  'status.error': 'помилка',
  'status.interrupted': 'перервано',

  'decks.choose': 'Оберіть, як називатимуться карти. Ваша колода зараз: <b>{deck}</b>.',
  'decks.chosen': 'Відтепер назви карт беруться з колоди: <b>{deck}</b>.',
  'deck.rws': 'Райдер–Вейт–Сміт',
  'deck.thoth': 'Таро Тота',
  'deck.marseille': 'Марсельське таро',

  'preferences.menu': '<b>Ваші налаштування</b>\nМова: {language}\nКолода: {deck}\nПеревернуті карти: {reversals}',
  'preferences.reversalsOn': 'увімкнено',
  'preferences.reversalsOff': 'вимкнено',
  // A button; {state} is the state it switches to ("увімкнено" / "вимкнено").
  'preferences.toggleReversals': 'Перевернуті карти → {state}',
  'preferences.chooseDeck': 'Обрати колоду',
  'preferences.saved': 'Збережено.',
  'language.en': 'English',
  'language.uk': 'Українська',
  'language.ru': 'Русский',

  'buy.menu': {
    one: '💫 <b>Купівля кредитів за Telegram Stars</b>\nУ вас <b>{count} кредит</b>. Кредити списуються лише тоді, коли розклад надіслано.',
    few: '💫 <b>Купівля кредитів за Telegram Stars</b>\nУ вас <b>{count} кредити</b>. Кредити списуються лише тоді, коли розклад надіслано.',
    many: '💫 <b>Купівля кредитів за Telegram Stars</b>\nУ вас <b>{count} кредитів</b>. Кредити списуються лише тоді, коли розклад надіслано.',
    other: '💫 <b>Купівля кредитів за Telegram Stars</b>\nУ вас <b>{count} кредиту</b>. Кредити списуються лише тоді, коли розклад надіслано.',
  },
  'buy.button': {
    one: '{count} кредит · {stars} ⭐',
    few: '{count} кредити · {stars} ⭐',
    many: '{count} кредитів · {stars} ⭐',
    other: '{count} кредиту · {stars} ⭐',
  },
  'buy.buttonBonus': {
    one: '{count} кредит (+{bonus}) · {stars} ⭐',
    few: '{count} кредити (+{bonus}) · {stars} ⭐',
    many: '{count} кредитів (+{bonus}) · {stars} ⭐',
    other: '{count} кредиту (+{bonus}) · {stars} ⭐',
  },
  // Telegram limits an invoice title to 32 characters.
  'buy.invoiceTitle': {
    one: '{count} кредит для таро',
    few: '{count} кредити для таро',
    many: '{count} кредитів для таро',
    other: '{count} кредиту для таро',
  },
  'buy.invoiceDescription':
    'Кредити для розкладів таро. Списуються лише тоді, коли розклад надіслано; невикористані кредити можна повернути протягом 30 днів.',
  'buy.unknownPackage': 'Цей пакет більше не продається. Будь ласка, оберіть інший через /buy.',
  'buy.invoiceFailed': 'Не вдалося створити рахунок у Telegram. Спробуйте інший пакет або повторіть трохи згодом.',
  'buy.thanks': {
    one: '✨ Дякуємо! Нараховано кредитів: <b>{credits}</b>. Ваш баланс: <b>{count} кредит</b>.',
    few: '✨ Дякуємо! Нараховано кредитів: <b>{credits}</b>. Ваш баланс: <b>{count} кредити</b>.',
    many: '✨ Дякуємо! Нараховано кредитів: <b>{credits}</b>. Ваш баланс: <b>{count} кредитів</b>.',
    other: '✨ Дякуємо! Нараховано кредитів: <b>{credits}</b>. Ваш баланс: <b>{count} кредиту</b>.',
  },
  'pay.refused.unknown': 'Цей рахунок уже недійсний. Будь ласка, відкрийте /buy ще раз.',
  'pay.refused.otherUser': 'Цей рахунок створено для іншої людини. Відкрийте /buy у боті, щоб отримати власний.',
  'pay.refused.priceChanged': 'Ціна цього пакета змінилася. Відкрийте /buy ще раз, щоб побачити актуальну пропозицію.',
  'pay.refused.expired': 'Термін дії цього рахунку минув. Будь ласка, відкрийте /buy ще раз.',
  'pay.refused.inactive': 'Зараз ваш акаунт не може здійснювати платежі. Напишіть нам через /paysupport.',
  'pay.refused.currency': 'Тут можна платити лише в Telegram Stars. Будь ласка, відкрийте /buy ще раз.',
  'pay.refused.mismatch': 'Цей рахунок не збігається з нашими записами. Відкрийте /buy або /subscribe ще раз, щоб отримати новий.',
  'pay.refused.alreadyPaid': 'Цей рахунок уже оплачено. Для нової покупки потрібен новий рахунок із /buy або /subscribe.',
  'pay.refused.sameTier': 'У вас уже є тариф {tier}, оплачений до {date}. Керувати ним можна в /subscribe.',

  'subscribe.menu':
    '🌙 <b>Щомісячні тарифи</b>\nЩомісяця — кредити, бонус до кожного пакета й вищі ліміти на розклади. Тариф продовжується кожні 30 днів, доки ви його не скасуєте.',
  'subscribe.button': '{tier} · кредитів щомісяця: {credits} · {stars} ⭐',
  'subscribe.current': 'Ваш тариф: <b>{tier}</b>, оплачено до {date}. Автопродовження <b>{renewal}</b>.',
  'subscribe.renewalOn': 'увімкнено',
  'subscribe.renewalOff': 'вимкнено',
  'subscribe.cancelRenewal': 'Скасувати автопродовження',
  'subscribe.enableRenewal': 'Знову ввімкнути автопродовження',
  'subscribe.link': 'Натисніть, щоб оформити тариф <b>{tier}</b> за {stars} ⭐ на місяць:',
  'subscribe.payButton': 'Оформити за {stars} ⭐',
  'subscribe.invoiceTitle': 'Таро: тариф {tier}',
  'subscribe.invoiceDescription':
    'Кредити щомісяця ({credits}), +{bonus}% до пакетів кредитів і вищі ліміти на розклади. Продовжується кожні 30 днів.',
  'subscribe.thanks': {
    one: '🌙 Вітаємо, ваш тариф — <b>{tier}</b>! Нараховано кредитів: {credits}; тариф діє до {date}. Баланс: <b>{count} кредит</b>.',
    few: '🌙 Вітаємо, ваш тариф — <b>{tier}</b>! Нараховано кредитів: {credits}; тариф діє до {date}. Баланс: <b>{count} кредити</b>.',
    many: '🌙 Вітаємо, ваш тариф — <b>{tier}</b>! Нараховано кредитів: {credits}; тариф діє до {date}. Баланс: <b>{count} кредитів</b>.',
    other: '🌙 Вітаємо, ваш тариф — <b>{tier}</b>! Нараховано кредитів: {credits}; тариф діє до {date}. Баланс: <b>{count} кредиту</b>.',
  },
  'subscribe.renewed': {
    one: '🌙 Тариф <b>{tier}</b> продовжено й оплачено до {date}. Нараховано кредитів: {credits}. Баланс: <b>{count} кредит</b>.',
    few: '🌙 Тариф <b>{tier}</b> продовжено й оплачено до {date}. Нараховано кредитів: {credits}. Баланс: <b>{count} кредити</b>.',
    many: '🌙 Тариф <b>{tier}</b> продовжено й оплачено до {date}. Нараховано кредитів: {credits}. Баланс: <b>{count} кредитів</b>.',
    other: '🌙 Тариф <b>{tier}</b> продовжено й оплачено до {date}. Нараховано кредитів: {credits}. Баланс: <b>{count} кредиту</b>.',
  },
  'subscribe.renewalChanged': 'Готово: автопродовження тепер <b>{renewal}</b>.',
  'subscribe.noSubscription': 'У вас немає активного тарифу.',
  'subscribe.alreadyOnTier':
    'У вас уже є тариф <b>{tier}</b>, оплачений до {date}, тож зараз нічого платити не треба. Автопродовженням можна керувати в /subscribe.',
  'subscribe.switchNote':
    'Тариф <b>{tier}</b> замінить <b>{old}</b>, щойно його буде оплачено: {old} більше не продовжуватиметься, а його дні до {date} згорять. Кредити, що у вас є, залишаться вашими.',
  'tier.basic': 'Базовий',
  'tier.premium': 'Преміум',
  'tier.professional': 'Професійний',

  'refund.done': {
    one: 'Ваш платіж на {stars} ⭐ повернено. Знято кредитів: {taken}; тепер на балансі <b>{count} кредит</b>.',
    few: 'Ваш платіж на {stars} ⭐ повернено. Знято кредитів: {taken}; тепер на балансі <b>{count} кредити</b>.',
    many: 'Ваш платіж на {stars} ⭐ повернено. Знято кредитів: {taken}; тепер на балансі <b>{count} кредитів</b>.',
    other: 'Ваш платіж на {stars} ⭐ повернено. Знято кредитів: {taken}; тепер на балансі <b>{count} кредиту</b>.',
  },
  'paysupport.recent': '\n\n<b>Ваші останні платежі</b>',
  'paysupport.payment': '{date} · {stars} ⭐ · кредитів: {credits} · {status}',
  'paysupport.none': '\n\nУ вас ще немає платежів.',
  'paystatus.pending': 'очікує оплати',
  'paystatus.completed': 'оплачено',
  'paystatus.failed': 'не оплачено',
  'paystatus.refunded': 'повернено',

  'guard.suspended': 'Ваш акаунт призупинено. Якщо ви вважаєте, що це помилка, напишіть нам через /paysupport.',
  'guard.deleted': 'Ваші дані видалено. Надішліть /start, щоб почати знову.',
  'guard.notRegistered': 'Надішліть /start, щоб почати.',
  'guard.privateOnly': 'Я роблю розклади лише в особистому чаті. Напишіть мені напряму.',
  'guard.rateLimited': 'Ви трохи поспішаєте. Будь ласка, спробуйте знову після {time} за UTC.',

  'error.generic': 'У нас щось пішло не так. Будь ласка, спробуйте ще раз за хвилинку.',
  'error.staleButton': 'Ця кнопка вже неактивна. Скористайтеся останнім повідомленням.',
  'error.unknownCommand': 'Я не знаю такої команди. /help покаже, що я вмію.',
  'error.unexpectedText': 'Не вдалося розібрати ваше повідомлення. /help покаже, що я вмію.',
};
