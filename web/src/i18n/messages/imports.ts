/* Words of the legacy portfolio import (province administrators). Every key in both languages. */
export const imports = {
  en: {
    'imports.nav': 'Import projects',
    'imports.title': 'Import existing projects',
    'imports.notAllowed':
      'Only the province’s administrators and those who record the forum’s approvals can import projects.',
    'imports.intro':
      'Bring the province’s existing projects (approved, in execution or completed) with their PC-I figures and ' +
      'their approval history. One row is one decision on one document. Check the file with a dry run first: ' +
      'nothing is saved until you import, and importing the same file again changes nothing.',
    'imports.step1': '1. Download the template',
    'imports.templateHelp':
      'One column per fact, each explained in the template, with an example row. Excel (XLSX) or CSV.',
    'imports.templateXlsx': 'Template (XLSX)',
    'imports.templateCsv': 'Template (CSV)',
    'imports.step2': '2. Check the file, then import it',
    'imports.file': 'Filled-in file',
    'imports.fileHelp': 'XLSX or CSV, as in the template.',
    'imports.chooseFile': 'Choose the file first.',
    'imports.clearFile': 'Remove the chosen file',
    'imports.dryRun': 'Dry run (check only)',
    'imports.import': 'Import',
    'imports.dryRunFirst':
      'Import becomes available after a dry run of this file. ' +
      'A project with a refused row is left out; the others are imported.',
    'imports.report.dryRunTitle': 'Dry run: what the import would do',
    'imports.report.importTitle': 'Import report',
    'imports.report.refusedCount': '{n} rows refused',
    'imports.report.readyToImport': 'Ready to import',
    'imports.report.done': 'Imported',
    'imports.report.rows': '{n} rows read.',
    'imports.report.wouldCreate': 'Would be created',
    'imports.report.created': 'Created',
    'imports.report.unchanged': 'Already there, unchanged',
    'imports.report.conflicting': 'Already imported from different rows (not overwritten)',
    'imports.report.leftOut': 'Left out (a row refused)',
    'imports.report.conflictsTitle': 'Differences from an earlier import',
    'imports.report.conflictsHelp': 'These projects were imported before from other rows; nothing of them was changed.',
    'imports.col.project': 'Project key',
    'imports.report.refusedTitle': 'Refused rows',
    'imports.report.refusedHelp': 'Correct these rows in the file and check it again.',
    'imports.report.warningsTitle': 'Warnings',
    'imports.report.warningsHelp':
      'Kept on the imported records, not a reason to refuse: for example a decision ' +
      'whose forum differs from what the rules of its date say.',
    'imports.col.row': 'Row',
    'imports.col.column': 'Column',
    'imports.col.reason': 'Reason',
    'imports.count.projects': '{n} projects',
    'imports.count.documents': '{n} documents',
    'imports.count.decisions': '{n} decisions',
  },
  ur: {
    'imports.nav': 'منصوبے درآمد کریں',
    'imports.title': 'موجودہ منصوبے درآمد کریں',
    'imports.notAllowed': 'صرف صوبے کے منتظمین اور فورم کی منظوریاں درج کرنے والے منصوبے درآمد کر سکتے ہیں۔',
    'imports.intro':
      'صوبے کے موجودہ منصوبے (منظور شدہ، زیرِ تکمیل یا مکمل) ان کے پی سی ون کے اعداد اور منظوریوں کے ' +
      'ریکارڈ کے ساتھ لائیں۔ ہر سطر ایک دستاویز پر ایک فیصلہ ہے۔ پہلے آزمائشی جانچ سے فائل پرکھیں: ' +
      'درآمد سے پہلے کچھ محفوظ نہیں ہوتا، اور وہی فائل دوبارہ درآمد کرنے سے کچھ نہیں بدلتا۔',
    'imports.step1': '1۔ سانچہ ڈاؤن لوڈ کریں',
    'imports.templateHelp':
      'ہر بات کے لیے ایک کالم، سانچے میں ہر ایک کی وضاحت اور ایک مثالی سطر کے ساتھ۔ ایکسل (XLSX) یا CSV۔',
    'imports.templateXlsx': 'سانچہ (XLSX)',
    'imports.templateCsv': 'سانچہ (CSV)',
    'imports.step2': '2۔ فائل جانچیں، پھر درآمد کریں',
    'imports.file': 'پُر شدہ فائل',
    'imports.fileHelp': 'XLSX یا CSV، سانچے کے مطابق۔',
    'imports.chooseFile': 'پہلے فائل چنیں۔',
    'imports.clearFile': 'چنی گئی فائل ہٹائیں',
    'imports.dryRun': 'آزمائشی جانچ (صرف پرکھ)',
    'imports.import': 'درآمد کریں',
    'imports.dryRunFirst':
      'درآمد اس فائل کی آزمائشی جانچ کے بعد ممکن ہے۔ جس منصوبے کی ' +
      'کوئی سطر مسترد ہو وہ چھوڑ دیا جاتا ہے؛ باقی درآمد ہوتے ہیں۔',
    'imports.report.dryRunTitle': 'آزمائشی جانچ: درآمد کیا کرے گی',
    'imports.report.importTitle': 'درآمد کی رپورٹ',
    'imports.report.refusedCount': '{n} سطریں مسترد',
    'imports.report.readyToImport': 'درآمد کے لیے تیار',
    'imports.report.done': 'درآمد مکمل',
    'imports.report.rows': '{n} سطریں پڑھی گئیں۔',
    'imports.report.wouldCreate': 'جو بنیں گے',
    'imports.report.created': 'بنائے گئے',
    'imports.report.unchanged': 'پہلے سے موجود، بغیر تبدیلی',
    'imports.report.conflicting': 'پہلے مختلف سطروں سے درآمد شدہ (کچھ نہیں بدلا گیا)',
    'imports.report.leftOut': 'چھوڑ دیے گئے (کوئی سطر مسترد)',
    'imports.report.conflictsTitle': 'پچھلی درآمد سے فرق',
    'imports.report.conflictsHelp': 'یہ منصوبے پہلے دوسری سطروں سے درآمد ہوئے تھے؛ ان میں کچھ نہیں بدلا گیا۔',
    'imports.col.project': 'منصوبے کی شناخت',
    'imports.report.refusedTitle': 'مسترد سطریں',
    'imports.report.refusedHelp': 'فائل میں یہ سطریں درست کر کے دوبارہ جانچیں۔',
    'imports.report.warningsTitle': 'انتباہات',
    'imports.report.warningsHelp':
      'درآمد شدہ ریکارڈ کے ساتھ محفوظ، مسترد کرنے کی وجہ نہیں: ' +
      'مثلاً ایسا فیصلہ جس کا فورم اس کی تاریخ کے قواعد سے مختلف ہو۔',
    'imports.col.row': 'سطر',
    'imports.col.column': 'کالم',
    'imports.col.reason': 'وجہ',
    'imports.count.projects': '{n} منصوبے',
    'imports.count.documents': '{n} دستاویزات',
    'imports.count.decisions': '{n} فیصلے',
  },
} as const;
