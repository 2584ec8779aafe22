import { Context } from 'telegraf';
import { Language } from 'src/common/i18n/i18n.service';
import { UserSnapshot } from 'src/users/user-snapshot';

export interface BotState {
  /** The registered user behind the update; absent before their first /start. */
  user?: UserSnapshot;
  /** The language to answer in. */
  lang: Language;
  /** How the update ended, for the log line and metrics (default `ok`). */
  outcome?: 'ok' | 'refused' | 'rate_limited';
  /** Whether a button press is the first of its button within seconds, when the update gate checked it with its claim. */
  firstPress?: boolean;
}

export interface BotContext extends Context {
  state: BotState;
}
