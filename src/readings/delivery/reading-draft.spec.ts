import { draftIdOf, ReadingDraft } from './reading-draft';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ReadingDraft', () => {
  let shown: { draftId: number; html: string; at: number }[];
  const show = async (draftId: number, html: string) => {
    shown.push({ draftId, html, at: Date.now() });
    return true;
  };

  beforeEach(() => {
    shown = [];
  });

  it('sends the newest text at most once per interval, and nothing after close', async () => {
    const sut = new ReadingDraft(12, show, undefined, 100);
    let reads = 0;
    for (let i = 1; i <= 25; i++) {
      sut.update(() => {
        reads += 1;
        return { index: 0, html: `text ${i}` };
      });
      await sleep(10);
    }
    await sut.close();
    sut.update(() => ({ index: 0, html: 'too late' }));
    await sleep(150);

    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.length).toBeLessThanOrEqual(4);
    expect(reads).toBe(shown.length);
    for (let i = 1; i < shown.length; i++) expect(shown[i].at - shown[i - 1].at).toBeGreaterThanOrEqual(95);
    expect(shown.map((s) => s.html)).not.toContain('too late');
    expect(shown[0].html).toBe('text 1');
    expect(new Set(shown.map((s) => s.draftId))).toEqual(new Set([draftIdOf(12, 0)]));
  });

  it('gives each part of the reading its own draft id, and does not repeat an unchanged text', async () => {
    const sut = new ReadingDraft(5, show, undefined, 20);
    sut.update(() => ({ index: 0, html: 'one' }));
    await sleep(40);
    sut.update(() => ({ index: 0, html: 'one' }));
    await sleep(40);
    sut.update(() => ({ index: 1, html: 'two' }));
    await sleep(40);
    await sut.close();
    expect(shown.map((s) => [s.draftId, s.html])).toEqual([
      [draftIdOf(5, 0), 'one'],
      [draftIdOf(5, 1), 'two'],
    ]);
    expect(draftIdOf(5, 0)).not.toBe(0);
  });

  it('sends again a draft the pacing had no room for, and stops drafting after a failure', async () => {
    const answers = [false, true];
    const errors: Error[] = [];
    const sut = new ReadingDraft(
      1,
      async (draftId, html) => {
        shown.push({ draftId, html, at: Date.now() });
        const answer = answers.shift();
        if (answer === undefined) throw new Error('Bad Request: method not found');
        return answer;
      },
      (error) => errors.push(error),
      20,
    );
    sut.update(() => ({ index: 0, html: 'first' }));
    await sleep(60);
    sut.update(() => ({ index: 0, html: 'second' }));
    await sleep(40);
    sut.update(() => ({ index: 0, html: 'third' }));
    await sleep(40);
    await sut.close();
    expect(shown.map((s) => s.html)).toEqual(['first', 'first', 'second']);
    expect(errors.map((e) => e.message)).toEqual(['Bad Request: method not found']);
  });

  it('waits for a draft being sent before it is closed', async () => {
    let release: () => void = () => undefined;
    const sut = new ReadingDraft(1, () => new Promise<boolean>((resolve) => (release = () => resolve(true))), undefined, 10);
    sut.update(() => ({ index: 0, html: 'slow' }));
    await sleep(5);
    let closed = false;
    const closing = sut.close().then(() => (closed = true));
    await sleep(20);
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
  });
});
