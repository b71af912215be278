/* Words of the export buttons (project list, document tables). Every key exists in both languages. */
export const exportWords = {
  en: {
    'exports.button': 'Export',
    'exports.menuLabel': 'Download as a spreadsheet',
    'exports.xlsx': 'Excel (XLSX)',
    'exports.xlsxAllTables': 'Excel (XLSX), every table',
    'exports.csv': 'CSV',
    'exports.csvOneTable': 'CSV, one table',
    'exports.failed': 'The export could not be downloaded',
    'exports.listNote': 'With the current filters and sort, up to 100,000 projects',
  },
  ur: {
    'exports.button': 'ایکسپورٹ',
    'exports.menuLabel': 'اسپریڈشیٹ کے طور پر ڈاؤن لوڈ کریں',
    'exports.xlsx': 'ایکسل (XLSX)',
    'exports.xlsxAllTables': 'ایکسل (XLSX)، تمام جدولیں',
    'exports.csv': 'CSV',
    'exports.csvOneTable': 'CSV، ایک جدول',
    'exports.failed': 'ایکسپورٹ ڈاؤن لوڈ نہیں ہو سکا',
    'exports.listNote': 'موجودہ فلٹرز اور ترتیب کے ساتھ، زیادہ سے زیادہ ایک لاکھ منصوبے',
  },
} as const;
