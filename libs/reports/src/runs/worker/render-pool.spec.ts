import { handMadeSummary } from '../../testing/rendered.fixture';
import type { ReportFormat } from '../../renderers/render-report';
import { RenderPool } from './render-pool';
import { classifyError, RenderAbortedError } from './job-errors';

describe('RenderPool', () => {
  const pool = new RenderPool(2);
  afterAll(() => pool.close());

  it('renders PDF and XLSX in its threads, more files than threads at once, each the same bytes as the last', async () => {
    const doc = handMadeSummary();
    const files = await Promise.all((['pdf', 'xlsx', 'pdf', 'xlsx', 'pdf'] as const).map((f) => pool.render(doc, f)));
    expect(files.map((f) => f.contentType)).toEqual([
      'application/pdf', expect.stringMatching(/spreadsheetml/), 'application/pdf', expect.stringMatching(/spreadsheetml/), 'application/pdf',
    ]);
    expect(files[0].bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files[2].bytes.equals(files[0].bytes)).toBe(true);
    expect(files[1].bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('hands a render error back to its caller and keeps serving', async () => {
    await expect(pool.render(handMadeSummary(), 'docx' as ReportFormat)).rejects.toThrow(/unknown report format docx/);
    expect((await pool.render(handMadeSummary(), 'pdf')).bytes.length).toBeGreaterThan(1000);
  });

  it('refuses work once closed', async () => {
    const closed = new RenderPool(1);
    await closed.close();
    await expect(closed.render(handMadeSummary(), 'pdf')).rejects.toThrow(/closed/);
  });
});

describe('RenderPool at shutdown', () => {
  it('ends a render cut off by close() with RenderAbortedError, which hands its job back', async () => {
    const pool = new RenderPool(1);
    const rendering = pool.render(handMadeSummary(), 'pdf').then(() => null, (e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    await pool.close();
    const err = await rendering;
    expect(err).toBeInstanceOf(RenderAbortedError);
    expect(classifyError(err)).toBe('aborted');
  });
});
