import { Module } from '@nestjs/common';
import { UsersModule } from 'src/users/users.module';
import { PreferencesUpdate } from './preferences.update';

/** The /preferences and /decks screens: a user's language, deck and reversed cards, stored by UsersService. */
@Module({
  imports: [UsersModule],
  providers: [PreferencesUpdate],
})
export class PreferencesModule {}
