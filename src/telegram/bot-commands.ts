import { MessageKey } from 'src/common/i18n/messages.en';

/** The command menu, in order; descriptions come from the message catalogue. */
export const BOT_COMMANDS: { command: string; description: MessageKey }[] = [
  { command: 'start', description: 'command.start' },
  { command: 'help', description: 'command.help' },
  { command: 'balance', description: 'command.balance' },
  { command: 'cancel', description: 'command.cancel' },
  { command: 'paysupport', description: 'command.paysupport' },
  { command: 'terms', description: 'command.terms' },
  { command: 'privacy', description: 'command.privacy' },
  { command: 'deleteme', description: 'command.deleteme' },
];
