// The results of an import batch as a workbook: one row per file with its school, outcome, errors and warnings,
// in the user's language — to keep, print, or send on.
import type { ImportOutcome } from '../../../shared/domain.ts';
import { formatMessage, tFor, type UiLanguage } from '../../../shared/i18n.ts';
import type { FileIssue } from '../../../shared/messages.ts';
import { BORDER, HEADER_FILL } from './styles.ts';
import { newWorkbook, type Workbook } from './workbook.ts';

function issueLines(t: ReturnType<typeof tFor>, issues: FileIssue[]): string {
  return issues
    .map((issue) => {
      const place = [issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : (issue.cell ?? issue.sheet ?? ''), issue.code ?? ''].filter(Boolean).join(' · ');
      return `${place ? `${place}: ` : ''}${formatMessage(t, issue.message)}`;
    })
    .join('\n');
}

function outcomeKey(outcome: ImportOutcome): 'acceptedWithWarnings' | ImportOutcome['status'] {
  if (outcome.status === 'accepted' && outcome.hasWarnings) return 'acceptedWithWarnings';
  return outcome.status;
}

export function buildResultsWorkbook(outcomes: ImportOutcome[], lang: UiLanguage, checkedOnly: boolean): Workbook {
  const t = tFor(lang);
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(t('messages.workbook.results.sheet'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = [{ width: 5 }, { width: 40 }, { width: 30 }, { width: 15 }, { width: 26 }, { width: 70 }, { width: 70 }];
  sheet.getCell('A1').value = t(checkedOnly ? 'messages.workbook.results.titleChecked' : 'messages.workbook.results.title');
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = ['№', ...(['file', 'school', 'bin', 'outcome', 'errors', 'warnings'] as const).map((key) => t(`messages.workbook.results.${key}`))];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  outcomes.forEach((outcome, i) => {
    const row = sheet.getRow(i + 3);
    // Names and messages come from files: written as plain strings, never as formulas.
    row.values = [
      i + 1, outcome.file, outcome.schoolName ?? '', outcome.schoolBin ?? '', t(`messages.workbook.results.status.${outcomeKey(outcome)}`),
      issueLines(t, outcome.errors), issueLines(t, outcome.warnings),
    ];
    row.getCell(4).numFmt = '@';
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 7 } };
  sheet.pageSetup.printTitlesRow = '2:2';
  return workbook;
}
