/* Words of the PDF / Print menu. Every key exists in both languages (test/web/i18n-catalogue.spec.ts checks). */
export const printing = {
  en: {
    'printing.button': 'PDF / Print',
    'printing.menuLabel': 'Official PDF (latest saved revision)',
    'printing.english': 'PDF in English',
    'printing.urdu': 'PDF in Urdu',
    'printing.blankLabel': 'Blank proforma (for paper and training)',
    'printing.blankEnglish': 'Blank {form} {version} in English',
    'printing.blankUrdu': 'Blank {form} {version} in Urdu',
    'printing.preparing': 'Preparing the PDF…',
    'printing.preparingDetail': 'The first copy of a revision takes a few seconds; it downloads by itself when ready.',
    'printing.failed': 'The PDF could not be made',
    'printing.tookTooLong': 'The PDF is taking longer than usual. Try again in a minute.',
  },
  ur: {
    'printing.button': 'پی ڈی ایف / پرنٹ',
    'printing.menuLabel': 'سرکاری پی ڈی ایف (آخری محفوظ نظرِ ثانی)',
    'printing.english': 'انگریزی میں پی ڈی ایف',
    'printing.urdu': 'اردو میں پی ڈی ایف',
    'printing.blankLabel': 'خالی پروفارما (کاغذ اور تربیت کے لیے)',
    'printing.blankEnglish': 'خالی {form} {version} انگریزی میں',
    'printing.blankUrdu': 'خالی {form} {version} اردو میں',
    'printing.preparing': 'پی ڈی ایف تیار کی جا رہی ہے…',
    'printing.preparingDetail':
      'کسی نظرِ ثانی کی پہلی نقل میں چند سیکنڈ لگتے ہیں؛ تیار ہوتے ہی خود ڈاؤن لوڈ ہو جائے گی۔',
    'printing.failed': 'پی ڈی ایف نہیں بن سکی',
    'printing.tookTooLong': 'پی ڈی ایف معمول سے زیادہ وقت لے رہی ہے۔ ایک منٹ بعد دوبارہ کوشش کریں۔',
  },
} as const;
