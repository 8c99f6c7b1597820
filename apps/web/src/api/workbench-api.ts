import { api, ok } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type WorkbenchView = S['WorkbenchView'];
export type WorkbenchRow = S['WorkbenchRow'];
export type WorkbookImportResult = S['WorkbookImportResult'];

const path = (code: string) => ({ path: { code } });
const form = (file: File) => {
  const body = new FormData();
  body.set('file', file);
  return body;
};
const asForm = { bodySerializer: (b: unknown) => b as FormData };

export const workbenchApi = {
  view: (code: string) => ok(api.GET('/api/v1/workspace/cycles/{code}', { params: path(code), cache: 'no-cache' })),
  noChange: (code: string, pledgeIds: string[], key: string) =>
    ok(api.POST('/api/v1/workspace/cycles/{code}/no-change', { params: path(code), body: { pledgeIds }, headers: { 'Idempotency-Key': key } })),
  importWorkbook: (code: string, file: File, submit: boolean) =>
    ok(
      api.POST('/api/v1/workspace/cycles/{code}/workbook', {
        params: { path: { code }, query: { submit } },
        body: form(file) as unknown as { file: string },
        ...asForm,
      }),
    ),
  annotated: async (code: string, file: File): Promise<Blob> =>
    ok(
      api.POST('/api/v1/workspace/cycles/{code}/workbook/annotated', {
        params: path(code),
        body: form(file) as unknown as { file: string },
        ...asForm,
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
};
