/* Words about proforma editions (new project, document header). Every key in both languages. */
export const editions = {
  en: {
    'editions.field': 'Edition',
    'editions.fieldHelp':
      'New projects use the edition your province has chosen as current ({current}). Choose an older edition ' +
      'only to enter the document of an older project on the proforma it was prepared on.',
    'editions.currentOption': '{label} — current',
    'editions.nav': 'Proforma editions',
    'editions.title': 'Proforma editions',
    'editions.intro':
      'Choose the edition of each proforma that new projects start on. Documents already made keep their edition, ' +
      'and preparers can still choose an older edition to enter the documents of older projects as they were prepared.',
    'editions.notAllowed': 'Only the province’s administrators choose the proforma editions.',
    'editions.newProjectsStartOn': 'New projects start on',
    'editions.chosenByProvince': 'Chosen by the province',
    'editions.defaultNewest': 'Default: the newest edition',
    'editions.notInstalled': '{label} (not installed yet)',
    'editions.saved': '{title}: new projects now start on the chosen edition.',
  },
  ur: {
    'editions.field': 'ایڈیشن',
    'editions.fieldHelp':
      'نئے منصوبے اس ایڈیشن پر بنتے ہیں جو آپ کے صوبے نے رائج چنا ہے ({current})۔ پرانا ایڈیشن صرف ' +
      'کسی پرانے منصوبے کی دستاویز اسی پروفارما پر درج کرنے کے لیے چنیں جس پر وہ تیار ہوئی تھی۔',
    'editions.currentOption': '{label} — رائج',
    'editions.nav': 'پروفارما ایڈیشن',
    'editions.title': 'پروفارما ایڈیشن',
    'editions.intro':
      'ہر پروفارما کا وہ ایڈیشن چنیں جس پر نئے منصوبے بنیں گے۔ پہلے سے بنی دستاویزات ' +
      'اپنا ایڈیشن برقرار رکھتی ہیں، اور تیار کنندہ پرانے منصوبوں کی دستاویزات ویسے ' +
      'ہی درج کرنے کے لیے اب بھی پرانا ایڈیشن چن سکتے ہیں جیسے وہ تیار ہوئی تھیں۔',
    'editions.notAllowed': 'پروفارما ایڈیشن صرف صوبے کے منتظمین چنتے ہیں۔',
    'editions.newProjectsStartOn': 'نئے منصوبے اس پر بنیں گے',
    'editions.chosenByProvince': 'صوبے کا انتخاب',
    'editions.defaultNewest': 'طے شدہ: تازہ ترین ایڈیشن',
    'editions.notInstalled': '{label} (ابھی نصب نہیں)',
    'editions.saved': '{title}: نئے منصوبے اب چنے گئے ایڈیشن پر بنیں گے۔',
  },
} as const;
