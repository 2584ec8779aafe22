import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module';
import { LocalBotApiModule } from './bot-api-stand-in/local-bot-api.module';
import { CacheModule } from './cache/cache.module';
import { CatalogModule } from './catalog/catalog.module';
import { AdminModule } from './common/admin/admin.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/http/validation.pipe';
import { I18nModule } from './common/i18n/i18n.module';
import { loggerOptions } from './common/logging/logger-options';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { PaymentsModule } from './payments/payments.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { ReadingsModule } from './readings/readings.module';
import { SessionsModule } from './sessions/sessions.module';
import { SupportModule } from './support/support.module';
import { NotifierModule } from './telegram/notifier.module';
import { TelegramModule } from './telegram/telegram.module';
import { UsersModule } from './users/users.module';
import { WebChatModule } from './web-chat/web-chat.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerOptions }),
    ScheduleModule.forRoot(),
    DatabaseModule,
    RedisModule,
    CacheModule,
    CatalogModule,
    I18nModule,
    MetricsModule,
    NotifierModule,
    AdminModule,
    UsersModule,
    PreferencesModule,
    SessionsModule,
    RateLimitModule,
    ReadingsModule,
    PaymentsModule,
    AccountsModule,
    SupportModule,
    HealthModule,
    LocalBotApiModule,
    TelegramModule,
    WebChatModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
