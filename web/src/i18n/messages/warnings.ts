/* Words of the editor's warnings (checks of severity 'warning') and their answers. Every key in both languages. */
export const warnings = {
  en: {
    'warnings.title': 'Warnings ({n})',
    'warnings.openCount': '{n} to answer',
    'warnings.allAnswered': 'All answered',
    'warnings.introPreparer':
      'A warning does not stop you saving. Before you submit, ' +
      'answer each one: explain why the figure is right, or correct it.',
    'warnings.introReader': 'Points the scrutiny checks raised, with the preparer’s answers.',
    'warnings.answerRequired': 'Write an answer first.',
    'warnings.item': 'Item',
    'warnings.badge': 'Warning',
    'warnings.answer': 'Answer',
    'warnings.changeAnswer': 'Change answer',
    'warnings.notAnswered': 'Not answered yet.',
    'warnings.answerLabel': 'Your answer',
    'warnings.answerHelp': 'Reviewers see it with the warning (up to 2,000 characters).',
    'warnings.saveAnswer': 'Save answer',
    'warnings.answerBeforeSubmit': '{n} warnings need an answer before submission:',
    'warnings.goToWarnings': 'Go to the warnings',
  },
  ur: {
    'warnings.title': 'انتباہات ({n})',
    'warnings.openCount': '{n} کا جواب باقی',
    'warnings.allAnswered': 'سب کا جواب دیا جا چکا',
    'warnings.introPreparer':
      'انتباہ محفوظ کرنے سے نہیں روکتا۔ جمع کرانے سے پہلے ہر ایک کا جواب دیں: ' +
      'بتائیں کہ عدد کیوں درست ہے، یا اسے درست کریں۔',
    'warnings.introReader': 'جانچ میں سامنے آنے والے نکات، تیار کنندہ کے جوابات کے ساتھ۔',
    'warnings.answerRequired': 'پہلے جواب لکھیں۔',
    'warnings.item': 'مد',
    'warnings.badge': 'انتباہ',
    'warnings.answer': 'جواب',
    'warnings.changeAnswer': 'جواب بدلیں',
    'warnings.notAnswered': 'ابھی جواب نہیں دیا گیا۔',
    'warnings.answerLabel': 'آپ کا جواب',
    'warnings.answerHelp': 'جائزہ لینے والے اسے انتباہ کے ساتھ دیکھیں گے (زیادہ سے زیادہ 2,000 حروف)۔',
    'warnings.saveAnswer': 'جواب محفوظ کریں',
    'warnings.answerBeforeSubmit': 'جمع کرانے سے پہلے {n} انتباہات کا جواب درکار ہے:',
    'warnings.goToWarnings': 'انتباہات پر جائیں',
  },
} as const;
