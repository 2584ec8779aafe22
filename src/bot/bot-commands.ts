import { MessageKey } from 'src/common/i18n/messages.en';

/** The command menu, in order; descriptions come from the message catalogue. */
export const BOT_COMMANDS: { command: string; description: MessageKey }[] = [
  { command: 'start', description: 'command.start' },
  { command: 'help', description: 'command.help' },
  { command: 'read', description: 'command.read' },
  { command: 'spreads', description: 'command.spreads' },
  { command: 'today', description: 'command.today' },
  { command: 'past', description: 'command.past' },
  { command: 'balance', description: 'command.balance' },
  { command: 'buy', description: 'command.buy' },
  { command: 'subscribe', description: 'command.subscribe' },
  { command: 'decks', description: 'command.decks' },
  { command: 'preferences', description: 'command.preferences' },
  { command: 'cancel', description: 'command.cancel' },
  { command: 'paysupport', description: 'command.paysupport' },
  { command: 'terms', description: 'command.terms' },
  { command: 'privacy', description: 'command.privacy' },
  { command: 'deleteme', description: 'command.deleteme' },
];
