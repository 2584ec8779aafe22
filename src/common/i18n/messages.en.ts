import { Message } from './message';

/**
 * The English catalogue: every text a user sees. Other languages must provide every key
 * (their catalogues are typed against this one). Texts are Telegram HTML; parameters are
 * escaped when filled in.
 */
export const en = {
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
    '<b>What I can do</b>\n\n/read – choose a spread and ask your question\n/today – a free card of the day\n/past – your earlier readings\n/balance – your credits\n/buy – buy credits with Telegram Stars\n/subscribe – a monthly plan with credits included\n/preferences – language, deck and reversed cards\n/cancel – stop the current reading\n/paysupport – help with a payment\n/terms – terms of service\n/privacy – your data\n/deleteme – delete your data',

  'balance.credits': {
    one: 'You have <b>{count} credit</b>.',
    other: 'You have <b>{count} credits</b>.',
  },
  'balance.subscription': 'Your plan: <b>{tier}</b>, renews or ends on {date}.',
  'balance.howToBuy': 'Buy more with /buy.',

  'cancel.done': 'Stopped. Nothing was charged.',
  'cancel.nothing': 'There is nothing to cancel.',

  'paysupport.text':
    '<b>Help with a payment</b>\n\nIf a payment went wrong, write to us here with the date and the amount, and we will sort it out within 48 hours. Refunds of unused credits are possible within 30 days of the purchase.',
  'terms.text':
    '<b>Terms of service</b>\n\nReadings are for reflection and entertainment; they are not medical, legal or financial advice. Credits are bought with Telegram Stars and spent only when a reading is delivered. Unused credits of a purchase can be refunded within 30 days. We may suspend accounts that abuse the service.',
  'privacy.text':
    '<b>Your data</b>\n\nWe store your Telegram id, language and preferences, your credits and payments, and your readings with the questions and answers you gave. We do not sell or share them. /deleteme erases your questions, answers, readings and preferences; payment records are kept as the law requires.',

  'deleteme.confirm':
    'This erases your questions, answers, readings and preferences. Your remaining credits and payment records are kept. Are you sure?',
  'deleteme.yes': 'Yes, delete my data',
  'deleteme.no': 'No, keep it',
  'deleteme.done': 'Your data has been deleted. Send /start whenever you want to come back.',
  'deleteme.kept': 'Nothing was deleted.',

  'guard.suspended': 'Your account is suspended. If you think this is a mistake, write to /paysupport.',
  'guard.deleted': 'Your data was deleted. Send /start to begin again.',
  'guard.notRegistered': 'Send /start to begin.',
  'guard.privateOnly': 'I only read cards in a private chat. Write to me directly.',
  'guard.rateLimited': 'You are going a little fast. Please try again after {time} UTC.',

  'error.generic': 'Something went wrong on our side. Please try again in a moment.',
  'error.staleButton': 'This button has expired. Please use the latest message.',
  'error.unknownCommand': 'I do not know that command. /help shows what I can do.',
  'error.unexpectedText': 'I did not catch that. /help shows what I can do.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
