import { CatalogService } from 'src/catalog/catalog.service';
import { aUser, builtInCatalog, fakeDataSource, FakeLedger, FakeUsers } from 'src/payments/payments.fixtures';
import { AccountsService } from './accounts.service';

describe('AccountsService.start (the welcome credits)', () => {
  let users: FakeUsers;
  let ledger: FakeLedger;

  /** Only what /start reaches is real; the services of the other paths are never called here. */
  function sutWith(catalog: CatalogService): AccountsService {
    const unused = {} as never;
    return new AccountsService(fakeDataSource(), users.service, ledger.service, unused, unused, unused, unused, catalog, unused, unused);
  }

  beforeEach(() => {
    users = new FakeUsers();
    ledger = new FakeLedger(users);
  });

  it('registers a newcomer with the catalogue\'s welcome credits as a bonus, recorded once', async () => {
    const sut = sutWith(builtInCatalog());

    const first = await sut.start('5151', { language: 'en' });
    const again = await sut.start('5151', { language: 'en' });

    expect(first).toMatchObject({ outcome: 'new', user: { telegramId: '5151', credits: 5 } });
    expect(again).toMatchObject({ outcome: 'returning', user: { credits: 5 } });
    expect(ledger.rows).toEqual([expect.objectContaining({ type: 'bonus', amount: 5, status: 'completed', paymentProvider: 'promo', metadata: { reason: 'welcome' } })]);
  });

  it('brings back a deleted user without welcome credits a second time', async () => {
    users.byId.set(4, aUser({ id: 4, telegramId: '4040', status: 'deleted', credits: 2 }));

    await expect(sutWith(builtInCatalog()).start('4040', { language: 'uk' })).resolves.toMatchObject({ outcome: 'reactivated', user: { status: 'active', credits: 2, preferences: { language: 'uk' } } });
    expect(ledger.rows).toEqual([]);
  });

  it('writes no ledger row when the catalogue gives no welcome credits', async () => {
    const catalog = builtInCatalog();
    catalog.catalog.welcomeCredits = 0;

    await expect(sutWith(catalog).start('6060', {})).resolves.toMatchObject({ outcome: 'new', user: { credits: 0 } });
    expect(ledger.rows).toEqual([]);
  });
});
