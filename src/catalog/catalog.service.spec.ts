import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from './catalog.service';

describe('loadCatalog', () => {
  it('loads the built-in catalogue with the nine spreads and five packages', () => {
    const catalog = loadCatalog(undefined);
    expect(catalog.spreads.map((s) => [s.key, s.cards, s.price])).toEqual([
      ['single', 1, 5],
      ['three_card', 3, 12],
      ['celtic_cross', 10, 15],
      ['relationship', 5, 12],
      ['career', 4, 12],
      ['week_ahead', 7, 20],
      ['monthly_guidance', 12, 100],
      ['yearly_path', 13, 500],
      ['life_path', 15, 1000],
    ]);
    expect(catalog.packages.map((p) => [p.credits, p.stars])).toEqual([
      [50, 500],
      [120, 1000],
      [300, 2250],
      [1000, 7000],
      [1500, 9000],
    ]);
    expect(catalog.limits).toEqual({ messagesPerMinute: 30, readingsPerHour: 10, readingsPerDay: 50, paymentsPerHour: 10 });
  });

  it('refuses a catalogue with a package over 10,000 stars, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, 'catalog.json');
    const catalog = loadCatalog(undefined);
    writeFileSync(file, JSON.stringify({ ...catalog, packages: [{ key: 'huge', credits: 5000, stars: 20000 }] }));
    expect(() => loadCatalog(file)).toThrow(/packages\.0\.stars/);
  });

  it('refuses a file that is not JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'broken.json');
    writeFileSync(file, '{ nope');
    expect(() => loadCatalog(file)).toThrow(/CATALOG_PATH: cannot read/);
  });
});
