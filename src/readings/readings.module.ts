import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from 'src/config/app-config';
import { MetricsService } from 'src/metrics/metrics.service';
import { PaymentsModule } from 'src/payments/payments.module';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { SessionsModule } from 'src/sessions/sessions.module';
import { UsersModule } from 'src/users/users.module';
import { HistoryUpdate } from './history.update';
import { BuiltinInterpreter } from './interpreter/builtin-interpreter';
import { Interpreter } from './interpreter/interpretation';
import { createInterpreter } from './interpreter/interpreter.provider';
import { BUILTIN_INTERPRETER, READING_INTERPRETER } from './interpreter-tokens';
import { PastReadingsService } from './past-readings.service';
import { Reading } from './reading.entity';
import { ReadingFlowService } from './reading-flow.service';
import { ReadingGenerator } from './reading-generator.service';
import { ReadingInterruptions } from './reading-interruptions.service';
import { ReadingRecoveryJob } from './reading-recovery.job';
import { ReadingStore } from './reading-store.service';
import { ReadingRenderer } from './reading-renderer';
import { ReadingDelivery } from './delivery/reading-delivery.service';
import { SpreadPictureSender } from './spread-picture-sender.service';
import { ReadingTexts } from './reading-texts.service';
import { ReadingWriter } from './reading-writer.service';
import { ReadingsController } from './readings.controller';
import { ReadingsService } from './readings.service';
import { ReadingsUpdate } from './readings.update';
import { TodayService } from './today.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reading]), UsersModule, SessionsModule, PaymentsModule, RateLimitModule],
  controllers: [ReadingsController],
  providers: [
    ReadingsService,
    ReadingTexts,
    ReadingRenderer,
    SpreadPictureSender,
    ReadingDelivery,
    ReadingWriter,
    ReadingStore,
    ReadingFlowService,
    ReadingInterruptions,
    ReadingGenerator,
    ReadingRecoveryJob,
    PastReadingsService,
    TodayService,
    ReadingsUpdate,
    HistoryUpdate,
    { provide: BUILTIN_INTERPRETER, useFactory: (): Interpreter => new BuiltinInterpreter() },
    {
      provide: READING_INTERPRETER,
      inject: [AppConfig, MetricsService],
      useFactory: (config: AppConfig, metrics: MetricsService): Interpreter => {
        const logger = new Logger('Interpreter');
        return createInterpreter(config.llm, (event) => {
          metrics.llmEvents.inc({ kind: event.kind });
          if (event.kind === 'success' && event.ms !== undefined) metrics.llmLatency.observe(event.ms / 1000);
          if (event.kind !== 'success') logger.warn(`LLM ${event.kind}${event.error ? `: ${event.error}` : ''}`);
        });
      },
    },
  ],
  exports: [ReadingsService, PastReadingsService],
})
export class ReadingsModule {}
