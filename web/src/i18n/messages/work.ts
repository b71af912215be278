/* Words of the work screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const work = {
  en: {
    'work.title': 'My work',
    'work.showing': 'Showing {shown} of {total}',
    'work.awaiting.title': 'Waiting for my action',
    'work.awaiting.lastStep': '{action} by {name} on',
    'work.awaiting.empty': 'Nothing is waiting for you. Documents appear here when they reach a step you can act on.',
    'work.returned.title': 'Returned to me',
    'work.returned.empty':
      'Nothing has been returned to you. When a reviewer or approver ' +
      'returns one of your documents, it appears here with their comment.',
    'work.returned.by': 'Returned by {name} on',
    'work.drafts.title': 'My drafts',
    'work.drafts.empty': 'You have no drafts. Documents you start stay here until you submit them.',
    'work.obligations.title': 'Reporting due',
    'work.obligations.empty': 'No reports are overdue or due in the next {days} days.',
    'work.obligations.overdue': 'Overdue',
    'work.obligations.due': 'Due',
    'work.obligations.dueBy': 'Due by',
  },
  ur: {
    'work.title': 'میرا کام',
    'work.showing': '{total} میں سے {shown} دکھائے جا رہے ہیں',
    'work.awaiting.title': 'میری کارروائی کے منتظر',
    'work.awaiting.lastStep': '{action}: {name}، بتاریخ',
    'work.awaiting.empty':
      'کوئی دستاویز آپ کی منتظر نہیں۔ جب کوئی دستاویز ایسے مرحلے پر ' +
      'پہنچے گی جہاں آپ کارروائی کر سکتے ہیں، وہ یہاں نظر آئے گی۔',
    'work.returned.title': 'مجھے واپس کی گئیں',
    'work.returned.empty':
      'آپ کو کچھ واپس نہیں کیا گیا۔ جب کوئی جائزہ کار یا منظوری دینے والا ' +
      'آپ کی دستاویز واپس کرے گا، وہ اپنے تبصرے کے ساتھ یہاں نظر آئے گی۔',
    'work.returned.by': '{name} نے واپس کی، بتاریخ',
    'work.drafts.title': 'میرے مسودے',
    'work.drafts.empty': 'آپ کا کوئی مسودہ نہیں۔ آپ کی شروع کی ہوئی دستاویزات جمع کرانے تک یہاں رہتی ہیں۔',
    'work.obligations.title': 'واجب رپورٹیں',
    'work.obligations.empty': 'کوئی رپورٹ نہ تاخیر کا شکار ہے اور نہ اگلے {days} دنوں میں واجب ہے۔',
    'work.obligations.overdue': 'تاخیر شدہ',
    'work.obligations.due': 'واجب',
    'work.obligations.dueBy': 'آخری تاریخ',
  },
} as const;
