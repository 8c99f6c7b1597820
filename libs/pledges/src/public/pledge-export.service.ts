import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { ExportQueryDto } from '../dto/pledge-query.dto';
import { EXPORT_HEADER, exportRow } from './pledge-export.format';
import { PledgePublicService } from './pledge-public.service';
import { csvSafe } from '@gcm/platform';

/**
 * Streams the rows of a filtered public list as CSV or XLSX, batch by batch.
 * `onStart` gets the row count before the first byte, while headers can still be set.
 */
@Injectable()
export class PledgeExportService {
  constructor(private readonly pledges: PledgePublicService) {}

  /** Once bytes are out no error body can follow: a failure mid-stream cuts the download instead of leaving it hanging. */
  private async guarded(out: Writable, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      if ((out as Writable & { headersSent?: boolean }).headersSent) out.destroy(err as Error);
      throw err;
    }
  }

  csv(query: ExportQueryDto, out: Writable, onStart: (total: number) => void): Promise<void> {
    return this.guarded(out, () => this.writeCsv(query, out, onStart));
  }

  xlsx(query: ExportQueryDto, out: Writable, onStart: (total: number) => void): Promise<void> {
    return this.guarded(out, () => this.writeXlsx(query, out, onStart));
  }

  private async writeCsv(query: ExportQueryDto, out: Writable, onStart: (total: number) => void): Promise<void> {
    const csv = stringify({ header: true, columns: EXPORT_HEADER, bom: true });
    await this.pledges.exportRows(
      query,
      (total) => {
        onStart(total);
        csv.pipe(out);
      },
      async (rows) => {
        for (const row of rows) {
          if (!csv.write(exportRow(row).map(csvSafe))) await once(csv, 'drain');
        }
      },
    );
    const finished = once(out, 'finish');
    csv.end();
    await finished;
  }

  private async writeXlsx(query: ExportQueryDto, out: Writable, onStart: (total: number) => void): Promise<void> {
    let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
    let sheet: ExcelJS.Worksheet | undefined;
    await this.pledges.exportRows(
      query,
      (total) => {
        onStart(total);
        workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
        sheet = workbook.addWorksheet('pledges');
        sheet.addRow(EXPORT_HEADER).commit();
      },
      async (rows) => {
        // Cells are typed in XLSX, but a user may re-save the sheet as CSV: the same neutralising as the CSV.
        for (const row of rows) sheet?.addRow(exportRow(row).map(csvSafe)).commit();
      },
    );
    sheet?.commit();
    await workbook?.commit();
  }
}
