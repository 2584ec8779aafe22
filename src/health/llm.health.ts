import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from 'src/config/app-config';

const TIMEOUT_MS = 3_000;

/**
 * The LLM endpoint answers its model list (only when one is configured). An LLM that does not
 * answer leaves the bot working (the built-in interpreter writes the readings), so it is
 * reported as degraded, with the reason, and never makes /health answer 503.
 */
@Injectable()
export class LlmHealthIndicator {
  constructor(
    private readonly config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {}

  get configured(): boolean {
    return this.config.llm !== undefined;
  }

  async check(key = 'llm'): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    const llm = this.config.llm!;
    try {
      const response = await fetch(`${llm.baseUrl.replace(/\/$/, '')}/models`, {
        headers: llm.apiKey ? { Authorization: `Bearer ${llm.apiKey}` } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return response.ok ? check.up({ model: llm.model }) : check.up(degraded(llm.model, { httpStatus: response.status }));
    } catch (error) {
      return check.up(degraded(llm.model, { error: (error as Error).name }));
    }
  }
}

function degraded(model: string, reason: Record<string, unknown>): Record<string, unknown> {
  return { model, degraded: true, ...reason, readingsBy: 'the built-in interpreter' };
}
