import { Message } from './message';

/**
 * The English catalogue: every text a user sees. Other languages must provide every key
 * (their catalogues are typed against this one). Texts are Telegram HTML; parameters are
 * escaped when filled in.
 */
export const MESSAGES_EN = {
  'command.start': 'Start or come back',
  'command.help': 'What I can do',
  'command.read': 'Choose a spread',
  'command.spreads': 'Spreads and prices',
  'command.today': 'Your free card of the day',
  'command.past': 'Your past readings',
  'command.balance': 'Your credits',
  'command.buy': 'Buy credits',
  'command.subscribe': 'Monthly subscription',
  'command.decks': 'Choose a deck',
  'command.preferences': 'Language, deck, reversals',
  'command.cancel': 'Stop what we are doing',
  'command.paysupport': 'Help with a payment',
  'command.terms': 'Terms of service',
  'command.privacy': 'What we store and how to delete it',
  'command.deleteme': 'Delete my data',

  'start.new': {
    one: '✨ Welcome, {name}! I read tarot cards.\n\nAs a welcome gift you have <b>{count} credit</b>. Choose a spread with /read, or draw your free card of the day with /today.',
    other: '✨ Welcome, {name}! I read tarot cards.\n\nAs a welcome gift you have <b>{count} credits</b>. Choose a spread with /read, or draw your free card of the day with /today.',
  },
  'start.returning': {
    one: 'Welcome back, {name}! You have <b>{count} credit</b>. /read when you are ready.',
    other: 'Welcome back, {name}! You have <b>{count} credits</b>. /read when you are ready.',
  },
  'start.anonymous': 'friend',

  'help.text':
    '<b>What I can do</b>\n\n/start – start or come back\n/help – this list\n/read – choose a spread and ask your question\n/spreads – the spreads and their prices\n/skip – read without a question, or skip a question\n/today – a free card of the day\n/past – your earlier readings\n/balance – your credits and plan\n/buy – buy credits with Telegram Stars\n/subscribe – a monthly plan with credits included\n/decks – choose the deck’s card names\n/preferences – language, deck and reversed cards\n/cancel – stop the current reading or conversation\n/paysupport – help with a payment, from a person\n/terms – terms of service\n/privacy – what we store and what stays\n/deleteme – delete your data',

  'balance.credits': {
    one: 'You have <b>{count} credit</b>.',
    other: 'You have <b>{count} credits</b>.',
  },
  'balance.subscriptionRenews': 'Your plan: <b>{tier}</b>, renews on {date}.',
  'balance.subscriptionEnds': 'Your plan: <b>{tier}</b>, ends on {date}.',
  'balance.howToBuy': 'Buy more with /buy.',

  'cancel.done': 'Stopped. Nothing was charged.',
  'cancel.nothing': 'There is nothing to cancel.',

  'paysupport.text':
    '<b>Help with a payment</b>\n\nWrite your message now, in this chat: what happened, the date and the amount. It goes to a person on our team, who answers here, usually within 48 hours. Unused credits of a purchase can be refunded within 30 days.\n\n/cancel if you change your mind.',
  'terms.text':
    '<b>Terms of service</b>\n\nReadings are for reflection and entertainment; they are not medical, legal or financial advice. Credits are bought with Telegram Stars and spent only when a reading is delivered. Unused credits of a purchase can be refunded within 30 days. We may suspend accounts that abuse the service.',
  'privacy.text':
    '<b>Your data</b>\n\n<b>What we store:</b> your Telegram id and language, your preferences, your credits and payments, your readings (question, answers, cards and interpretation), your support requests, and counters that limit how often you can ask. We do not sell or share them. When an AI service writes a reading, it receives that reading’s question, answers and cards.\n\n<b>/deleteme erases</b> your readings with their questions, answers, cards and interpretations, your support requests, your preferences and the counters.\n\n<b>What stays, for accounting:</b> your Telegram id, your credit balance and the record of your payments, refunds and credits spent (date, amount, spread); a reading you paid for stays as an empty entry that its charge points to. The chat itself is kept by Telegram; you can clear it there.',

  'deleteme.confirm':
    'This erases your readings (questions, answers, cards and interpretations), your support requests and your preferences. Kept for accounting: your credit balance and the record of your payments and of the credits you spent. Are you sure?',
  'deleteme.yes': 'Yes, delete my data',
  'deleteme.no': 'No, keep it',
  'deleteme.done': 'Your data has been deleted. Send /start whenever you want to come back.',
  'deleteme.kept': 'Nothing was deleted.',

  'read.menu': {
    one: '🔮 <b>Choose a spread</b>\nPrices are in credits; you have <b>{count} credit</b>.',
    other: '🔮 <b>Choose a spread</b>\nPrices are in credits; you have <b>{count} credits</b>.',
  },
  'read.spreadButton': { one: '{name} · {count} credit', other: '{name} · {count} credits' },
  'read.notEnough': {
    one: '<b>{name}</b> costs {price} credits and you have {count} credit. Top up to continue.',
    other: '<b>{name}</b> costs {price} credits and you have {count} credits. Top up to continue.',
  },
  'read.buyButton': '💫 Buy credits',
  'read.askQuestion': {
    one: 'You chose <b>{name}</b> ({count} credit). {description}\n\nWhat would you like to ask the cards? Write your question, or send /skip to read without one. /cancel stops.',
    other: 'You chose <b>{name}</b> ({count} credits). {description}\n\nWhat would you like to ask the cards? Write your question, or send /skip to read without one. /cancel stops.',
  },
  'read.questionTooLong': 'That is a little long ({length} characters). Please keep it under {max} characters.',
  'read.answerNeedsText': 'Please answer in words, or send /skip.',
  'read.questionnaireIntro': 'A few questions will make the reading yours. /skip passes one, /cancel stops.',
  'read.questionnaireStep': '<b>{index}/{total}.</b> {question}',
  'read.shuffling': '🃏 Shuffling the deck and drawing your cards…',
  'read.cardsHeader': '🃏 <b>{name}</b>',
  'read.cardLine': '{index}. <b>{position}</b>: {card}',
  'read.cardLineReversed': '{index}. <b>{position}</b>: {card} <i>({reversed})</i>',
  'read.reversedMasculine': 'reversed',
  'read.reversedFeminine': 'reversed',
  'read.reversedNeuter': 'reversed',
  'read.reversedPlural': 'reversed',
  'read.questionLine': '<i>Your question:</i> {question}',
  'read.summaryHeader': '📌 <b>In short</b>',
  'read.themeHeader': '✨ <b>The spread as a whole</b>',
  'read.timelineHeader': '🗓 <b>Timeline</b>',
  'read.chapterHeader': '📖 <b>{title}</b>',
  'read.journeyHeader': '🔮 <b>The cards</b>',
  'read.journeyCard': '<b>{position} · {card}</b>',
  'read.guidanceHeader': '🧭 <b>Guidance</b>',
  'read.paid': {
    one: '{price} credits spent; <b>{count} credit</b> left.',
    other: '{price} credits spent; <b>{count} credits</b> left.',
  },
  'read.again': '🔁 Another reading',
  'read.pastButton': '📜 My readings',
  'read.failed': 'I could not finish this reading, and nothing was charged. Please try again with /read.',
  'read.insufficientAtCharge': 'Your balance no longer covers this reading, so it was not completed and nothing was charged. /buy to top up.',
  'read.expired': 'Your reading waited 30 minutes without an answer, so I closed it. Nothing was charged; /read starts again.',
  'read.skipNothing': 'There is nothing to skip right now.',
  'read.unknownSpread': 'That spread is not offered any more. Please choose again with /read.',
  'read.limited': 'You have started as many readings as your plan allows for now. The next one can start after <b>{time}</b> (UTC). Monthly plans raise the limit: /subscribe.',
  'read.requestHeard': 'Gladly. Choose a spread below; you can ask your question next.',
  'read.replaced': 'I closed your unfinished reading (nothing was charged) and started the new one.',

  'safety.reply':
    '💛 What you wrote sounds really heavy, and you deserve real support, not cards. If you are in danger or thinking about ending your life, please call your local emergency number now, or reach a crisis line: findahelpline.com lists free, confidential lines in your country. Talking to someone you trust can help too. No reading was made and nothing was charged.',

  'today.header': '🌅 <b>Your card of the day</b>',
  'today.again': 'This is your card for today; a new one comes at midnight UTC.',

  'past.empty': 'You have no readings yet. /read to start one.',
  'past.header': '📜 <b>Your readings</b> · page {page} of {pages}',
  'past.item': '{date} · {name}',
  'past.itemAbout': '{date} · {name}: {label}',
  'past.itemUnfinished': '{date} · {name} ({status})',
  'past.prev': '◀ Newer',
  'past.next': 'Older ▶',
  'past.notFound': 'That reading is not available any more.',
  'past.notCompleted': 'This reading was not completed ({status}); nothing was charged for it.',
  'status.completed': 'completed',
  'status.in_progress': 'in progress',
  'status.error': 'failed',
  'status.interrupted': 'stopped',

  'decks.choose': 'Choose how the cards are named. Your deck now: <b>{deck}</b>.',
  'decks.chosen': 'From now on your cards use the <b>{deck}</b> names.',
  'deck.rws': 'Rider–Waite–Smith',
  'deck.thoth': 'Thoth',
  'deck.marseille': 'Marseille',

  'preferences.menu': '<b>Your preferences</b>\nLanguage: {language}\nDeck: {deck}\nReversed cards: {reversals}',
  'preferences.reversalsOn': 'on',
  'preferences.reversalsOff': 'off',
  'preferences.toggleReversals': 'Turn reversed cards {state}',
  'preferences.chooseDeck': 'Choose a deck',
  'preferences.saved': 'Saved.',
  'language.en': 'English',
  'language.uk': 'Українська',
  'language.ru': 'Русский',

  'buy.menu': {
    one: '💫 <b>Buy credits with Telegram Stars</b>\nYou have <b>{count} credit</b>. Credits are spent only when a reading is delivered.',
    other: '💫 <b>Buy credits with Telegram Stars</b>\nYou have <b>{count} credits</b>. Credits are spent only when a reading is delivered.',
  },
  'buy.button': { one: '{count} credit · {stars} ⭐', other: '{count} credits · {stars} ⭐' },
  'buy.buttonBonus': { one: '{count} credit (+{bonus}) · {stars} ⭐', other: '{count} credits (+{bonus}) · {stars} ⭐' },
  'buy.invoiceTitle': { one: '{count} tarot credit', other: '{count} tarot credits' },
  'buy.invoiceDescription': 'Credits for tarot readings. Spent only when a reading is delivered; unused credits can be refunded within 30 days.',
  'buy.unknownPackage': 'That package is not sold any more. Please choose again with /buy.',
  'buy.invoiceFailed': 'Telegram could not create this invoice. Please try another package or try again later.',
  'buy.thanks': {
    one: '✨ Thank you! <b>{credits}</b> credits were added. Your balance: <b>{count} credit</b>.',
    other: '✨ Thank you! <b>{credits}</b> credits were added. Your balance: <b>{count} credits</b>.',
  },
  'pay.refused.unknown': 'This invoice is not valid any more. Please open /buy again.',
  'pay.refused.otherUser': 'This invoice was made for someone else. Open /buy in the bot to get your own.',
  'pay.refused.priceChanged': 'The price of this package has changed. Please open /buy again for the current offer.',
  'pay.refused.expired': 'This invoice has expired. Please open /buy again.',
  'pay.refused.inactive': 'Your account cannot make payments right now. Write to /paysupport.',
  'pay.refused.currency': 'Payments here are in Telegram Stars only. Please open /buy again.',
  'pay.refused.mismatch': 'This invoice does not match our records. Please open /buy or /subscribe again for a new one.',
  'pay.refused.alreadyPaid': 'This invoice was already paid. A new purchase takes a new invoice from /buy or /subscribe.',
  'pay.refused.sameTier': 'You already have the {tier} plan, paid until {date}. Manage it in /subscribe.',

  'subscribe.menu': '🌙 <b>Monthly plans</b>\nEach month brings credits, a bonus on every package and higher reading limits. Renews every 30 days until you cancel.',
  'subscribe.button': '{tier} · {credits} credits a month · {stars} ⭐',
  'subscribe.current': 'Your plan: <b>{tier}</b>, paid until {date}. Renewal is <b>{renewal}</b>.',
  'subscribe.renewalOn': 'on',
  'subscribe.renewalOff': 'off',
  'subscribe.cancelRenewal': 'Cancel renewal',
  'subscribe.enableRenewal': 'Turn renewal back on',
  'subscribe.link': 'Tap to subscribe to <b>{tier}</b> for {stars} ⭐ a month:',
  'subscribe.payButton': 'Subscribe for {stars} ⭐',
  'subscribe.invoiceTitle': 'Tarot {tier} plan',
  'subscribe.invoiceDescription': '{credits} credits every month, +{bonus}% on credit packages, and higher reading limits. Renews every 30 days.',
  'subscribe.thanks': {
    one: '🌙 Welcome to <b>{tier}</b>! {credits} credits were added; your plan runs until {date}. Balance: <b>{count} credit</b>.',
    other: '🌙 Welcome to <b>{tier}</b>! {credits} credits were added; your plan runs until {date}. Balance: <b>{count} credits</b>.',
  },
  'subscribe.renewed': {
    one: '🌙 Your <b>{tier}</b> plan renewed: {credits} credits were added, paid until {date}. Balance: <b>{count} credit</b>.',
    other: '🌙 Your <b>{tier}</b> plan renewed: {credits} credits were added, paid until {date}. Balance: <b>{count} credits</b>.',
  },
  'subscribe.renewalChanged': 'Done: renewal is now <b>{renewal}</b>.',
  'subscribe.noSubscription': 'You have no active plan.',
  'subscribe.alreadyOnTier': 'You already have <b>{tier}</b>, paid until {date}, so there is nothing to pay now. Renewal is managed in /subscribe.',
  'subscribe.switchNote':
    '<b>{tier}</b> replaces <b>{old}</b> as soon as it is paid: {old} stops renewing and its days left until {date} end. The credits you have stay yours.',
  'tier.basic': 'Basic',
  'tier.premium': 'Premium',
  'tier.professional': 'Professional',

  'refund.done': {
    one: 'Your payment of {stars} ⭐ was refunded. {taken} credits were taken back; your balance: <b>{count} credit</b>.',
    other: 'Your payment of {stars} ⭐ was refunded. {taken} credits were taken back; your balance: <b>{count} credits</b>.',
  },
  'paysupport.recent': '\n\n<b>Your recent payments</b>',
  'paysupport.payment': '{date} · {stars} ⭐ · {credits} credits · {status}',
  'paysupport.none': '\n\nYou have made no payments yet.',
  'paystatus.pending': 'awaiting payment',
  'paystatus.completed': 'paid',
  'paystatus.failed': 'not paid',
  'paystatus.refunded': 'refunded',

  'guard.suspended': 'Your account is suspended. If you think this is a mistake, send /paysupport and write to us: a person answers here.',
  'guard.deleted': 'Your data was deleted. Send /start to begin again.',
  'guard.notRegistered': 'Send /start to begin.',
  'guard.privateOnly': 'I only read cards in a private chat. Write to me directly.',
  'guard.rateLimited': 'You are going a little fast. Please try again after {time} UTC.',
  'guard.busy': 'You are sending messages faster than I can answer, so I skipped some. Please wait for my reply, then send again.',
  'pay.parked': 'Your payment arrived, but I could not record it automatically. It is kept for our team, who will sort it out; you can also write to /paysupport.',

  'support.continued': '<b>Help with a payment</b>\n\nYour request #{id} is still with our team; the answer comes here, usually within 48 hours. Anything you write now is added to it. /cancel when you are done.',
  'support.readingStopped': 'Your unfinished reading was stopped; nothing was charged.',
  'support.received': 'Thank you. Your message is with our support team (request #{id}). A person answers here in this chat, usually within 48 hours. You can add more now; /cancel when you are done.',
  'support.added': 'Added to your request #{id}.',
  'support.reply': '💬 <b>Support</b> (request #{id}):\n\n{text}\n\nReply here to answer, or /cancel when you are done.',
  'support.button': '🛟 Help with this payment',
  'support.forwarded': '🛟 <b>Support request #{id}</b> · user {userId} · Telegram {telegramId} · {status} · {credits} credits\nReply to this message to answer the user.',
  'support.operator.delivered': 'Sent to the user of request #{id}.',
  'support.operator.notARequest': 'That message is not a support request. Reply to a forwarded request to answer it.',
  'support.operator.unreachable': 'Not sent: {reason}',

  'error.generic': 'Something went wrong on our side. Please try again in a moment.',
  'error.staleButton': 'This button has expired. Please use the latest message.',
  'error.unknownCommand': 'I do not know that command. /help shows what I can do.',
  'error.unexpectedText': 'I read tarot cards. /read to choose a spread, /today for a free card of the day, /help for everything else.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES_EN;
