import { Module } from '@nestjs/common';
import { PaymentsModule } from 'src/payments/payments.module';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { ReadingsModule } from 'src/readings/readings.module';
import { SessionsModule } from 'src/sessions/sessions.module';
import { UsersModule } from 'src/users/users.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountsUpdate } from './accounts.update';

/** Registration, balance, operator changes and deletion: flows that span users, ledger and history. */
@Module({
  imports: [UsersModule, PaymentsModule, SessionsModule, ReadingsModule, RateLimitModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountsUpdate],
})
export class AccountsModule {}
