import type { TgUser } from './telegram-objects.types';

export interface BotIdentityDefaults {
  id: number;
  firstName: string;
  username: string;
}

/** The bot user behind a token: "123456:ABC" is bot 123456; any other token maps to the configured default id. */
export class BotIdentity {
  private readonly tokens = new Set<string>();
  private latestToken: string | null = null;

  constructor(private readonly defaults: BotIdentityDefaults) {}

  remember(token: string): void {
    this.tokens.add(token);
    this.latestToken = token;
  }

  get lastToken(): string | null {
    return this.latestToken;
  }

  allTokens(): string[] {
    return [...this.tokens];
  }

  userFor(token: string | null): TgUser {
    const numericId = token ? /^(\d{1,15}):/.exec(token)?.[1] : undefined;
    return {
      id: numericId ? Number(numericId) : this.defaults.id,
      is_bot: true,
      first_name: this.defaults.firstName,
      username: this.defaults.username,
    };
  }

  current(): TgUser {
    return this.userFor(this.latestToken);
  }
}
