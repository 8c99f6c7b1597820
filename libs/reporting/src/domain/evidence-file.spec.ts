import { DomainError } from '@gcm/platform';
import { checkEvidenceFile, cleanFileName } from './evidence-file';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return ((e as DomainError).details as { field: string; messages: string[] }[])[0];
  }
  throw new Error('not refused');
};

describe('evidence file checks', () => {
  it('accepts allowed types whose name and content agree', () => {
    expect(checkEvidenceFile({ originalname: 'report.pdf', mimetype: 'application/pdf', buffer: pdf })).toBe('application/pdf');
    expect(checkEvidenceFile({ originalname: 'chart.PNG', mimetype: 'image/png', buffer: png })).toBe('image/png');
    expect(checkEvidenceFile({ originalname: 'data.csv', mimetype: 'text/csv; charset=utf-8', buffer: Buffer.from('a,b\n1,2\n') })).toBe('text/csv');
  });

  it('refuses other types, mismatched names and disguised content with a field error on file', () => {
    expect(refusal(() => checkEvidenceFile({ originalname: 'run.exe', mimetype: 'application/x-msdownload', buffer: pdf })))
      .toEqual({ field: 'file', messages: [expect.stringMatching(/not accepted/)] });
    expect(refusal(() => checkEvidenceFile({ originalname: 'report.exe', mimetype: 'application/pdf', buffer: pdf })).messages[0])
      .toMatch(/must be named \.pdf/);
    expect(refusal(() => checkEvidenceFile({ originalname: 'report.pdf', mimetype: 'application/pdf', buffer: png })).messages[0])
      .toMatch(/content of the file is not application\/pdf/);
    expect(refusal(() => checkEvidenceFile({ originalname: 'notes.txt', mimetype: 'text/plain', buffer: png })).messages[0])
      .toMatch(/not text\/plain/);
  });

  it('strips paths and header-breaking characters from file names', () => {
    expect(cleanFileName('../../etc/"passwd";\r\n.txt')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\me\\Report 2026.pdf')).toBe('Report 2026.pdf');
    expect(cleanFileName('"";')).toBe('evidence');
  });
});
