import type { ParamReader } from './param-reader';
import type { TgUser } from './telegram-objects.types';

export interface MethodContext {
  token: string;
  method: string;
  params: Record<string, unknown>;
  reader: ParamReader;
  /** The bot user behind the token. */
  bot: TgUser;
}

export type MethodHandler = (context: MethodContext) => unknown;

export type MethodTable = Record<string, MethodHandler>;
