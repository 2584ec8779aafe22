import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from 'src/config/app-config';
import { MetricsService } from 'src/metrics/metrics.service';
import { PaymentsModule } from 'src/payments/payments.module';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { SessionsModule } from 'src/sessions/sessions.module';
import { UsersModule } from 'src/users/users.module';
import { HistoryUpdate } from './history/history.update';
import { BuiltinInterpreter } from './interpreter/builtin-interpreter';
import { Interpreter } from './interpreter/interpretation';
import { createInterpreter } from './interpreter/interpreter.provider';
import { BUILTIN_INTERPRETER, READING_INTERPRETER } from './interpreter/interpreter-tokens';
import { PastReadingsService } from './history/past-readings.service';
import { Reading } from './reading.entity';
import { ReadingFlowService } from './flow/reading-flow.service';
import { ReadingGeneratorService } from './generation/reading-generator.service';
import { ReadingInterruptionsService } from './flow/reading-interruptions.service';
import { ReadingRecoveryJob } from './generation/reading-recovery.job';
import { ReadingStoreService } from './generation/reading-store.service';
import { ReadingRenderer } from './delivery/reading-renderer';
import { ReadingDeliveryService } from './delivery/reading-delivery.service';
import { SpreadPictureSenderService } from './delivery/spread-picture-sender.service';
import { ReadingTextsService } from './delivery/reading-texts.service';
import { ReadingWriterService } from './generation/reading-writer.service';
import { ReadingsController } from './history/readings.controller';
import { ReadingsService } from './readings.service';
import { ReadingsUpdate } from './flow/readings.update';
import { TodayService } from './flow/today.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reading]), UsersModule, SessionsModule, PaymentsModule, RateLimitModule],
  controllers: [ReadingsController],
  providers: [
    ReadingsService,
    ReadingTextsService,
    ReadingRenderer,
    SpreadPictureSenderService,
    ReadingDeliveryService,
    ReadingWriterService,
    ReadingStoreService,
    ReadingFlowService,
    ReadingInterruptionsService,
    ReadingGeneratorService,
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
