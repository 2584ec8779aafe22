import { createHash } from 'node:crypto';
import type { RedisClient } from './redis.provider';

/**
 * A Lua script sent by its SHA1 (EVALSHA), its text only when Redis does not hold it yet
 * (after a restart or a SCRIPT FLUSH): one command, without the text on every call.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisClient, keys: string[], args: (string | Buffer)[]): Promise<unknown> {
    const options = { keys, arguments: args as string[] };
    try {
      return await redis.evalSha(this.sha, options);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, options);
    }
  }
}
