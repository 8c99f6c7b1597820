import { LocalStatsCache } from './local-stats-cache';

const body = (s: string) => ({ etag: `"${s}"`, body: s });

describe('LocalStatsCache', () => {
  it('serves nothing until the listener is live', () => {
    const c = new LocalStatsCache(60_000);
    c.set('/a', c.epoch, body('a'));
    expect(c.get('/a')).toBeUndefined();
    c.resume();
    c.set('/a', c.epoch, body('a'));
    expect(c.get('/a')).toEqual(body('a'));
  });

  it('drops everything on a change and serves nothing while it is being handled', () => {
    const c = new LocalStatsCache(60_000);
    c.resume();
    c.set('/a', c.epoch, body('old'));
    c.hold();
    expect(c.get('/a')).toBeUndefined();
    c.set('/a', c.epoch, body('during'));
    expect(c.get('/a')).toBeUndefined();
    c.release();
    expect(c.get('/a')).toBeUndefined();
    c.set('/a', c.epoch, body('new'));
    expect(c.get('/a')).toEqual(body('new'));
  });

  it('does not keep a value whose lookup started before a change was handled', () => {
    const c = new LocalStatsCache(60_000);
    c.resume();
    const startedIn = c.epoch; // a lookup misses and starts computing from the old data…
    c.hold(); // …a commit is notified…
    c.release(); // …and handled before the value is stored
    c.set('/a', startedIn, body('stale'));
    expect(c.get('/a')).toBeUndefined();
  });

  it('serves again only after every overlapping change is handled', () => {
    const c = new LocalStatsCache(60_000);
    c.resume();
    c.hold();
    c.hold();
    c.release();
    c.set('/a', c.epoch, body('x'));
    expect(c.get('/a')).toBeUndefined();
    c.release();
    c.set('/a', c.epoch, body('x'));
    expect(c.get('/a')).toEqual(body('x'));
  });

  it('forgets everything when the listener is lost, and expires entries after the TTL', () => {
    const c = new LocalStatsCache(1);
    c.resume();
    c.hold();
    c.suspend();
    c.resume();
    c.set('/a', c.epoch, body('x'));
    const later = Date.now() + 5;
    while (Date.now() < later) { /* let the 1 ms entry expire */ }
    expect(c.get('/a')).toBeUndefined();
    c.suspend();
    expect(c.get('/a')).toBeUndefined();
  });

  it('keeps what it served when the listener went down with the database, until a change, a reconnection or a database answer', () => {
    const c = new LocalStatsCache(1);
    c.resume();
    c.set('/a', c.epoch, body('a'));
    c.suspend(true);
    expect(c.get('/a')).toBeUndefined();
    expect(c.fallback('/a')?.value).toEqual(body('a'));
    c.suspend(true); // a failed reconnection keeps them
    expect(c.fallback('/a')?.value).toEqual(body('a'));
    c.forgetFallback();
    expect(c.fallback('/a')).toBeUndefined();
    c.resume();
    c.set('/a', c.epoch, body('b'));
    c.suspend(true);
    c.resume();
    expect(c.fallback('/a')).toBeUndefined();
  });

  it('keeps nothing for later when the listener was lost for another reason or with a change in flight', () => {
    const c = new LocalStatsCache(60_000);
    c.resume();
    c.set('/a', c.epoch, body('a'));
    c.suspend(false);
    expect(c.fallback('/a')).toBeUndefined();
    c.resume();
    c.set('/a', c.epoch, body('a'));
    c.hold();
    c.suspend(true);
    expect(c.fallback('/a')).toBeUndefined();
  });

  it('while a change waits for its window, serves what it kept but keeps nothing new', () => {
    const c = new LocalStatsCache(60_000);
    c.resume();
    c.set('/a', c.epoch, body('old'));
    c.pend();
    expect(c.pending).toBe(true);
    expect(c.get('/a')).toEqual(body('old'));
    c.set('/b', c.epoch, body('computed in the window'));
    expect(c.get('/b')).toBeUndefined();
    const startedInWindow = c.epoch;
    c.hold(); // the window closes: the change is handled
    expect(c.get('/a')).toBeUndefined();
    c.release();
    expect(c.pending).toBe(false);
    c.set('/b', startedInWindow, body('stale'));
    expect(c.get('/b')).toBeUndefined();
    c.set('/b', c.epoch, body('new'));
    expect(c.get('/b')).toEqual(body('new'));
  });
});
