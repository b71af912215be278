/* Words of the auth screens. Every key exists in both languages (test/web/i18n.spec.ts checks). */
export const auth = {
  en: {
    'auth.email': 'Email',
    'auth.password': 'Password',
    'auth.newPassword': 'New password',
    'auth.confirmPassword': 'Confirm password',
    'auth.showTyped': 'Show what is typed',
    'auth.signIn.title': 'Sign in',
    'auth.signIn.submit': 'Sign in',
    'auth.signIn.emailRequired': 'Enter your email address.',
    'auth.signIn.passwordRequired': 'Enter your password.',
    'auth.signIn.wrong': 'The email address or password is not right. Check both and try again.',
    'auth.signIn.checkEmail': 'Check the email address: it does not look like one.',
    'auth.signIn.tooManySeconds':
      'Too many failed attempts. For your account’s safety, ' +
      'sign-in is paused: try again in {seconds} seconds (at {time}).',
    'auth.signIn.tooManyMinutes':
      'Too many failed attempts. For your account’s safety, ' +
      'sign-in is paused: try again in {minutes} minutes (at {time}).',
    'auth.signIn.tooManyLater':
      'Too many failed attempts. For your account’s safety, sign-in is paused: try again a little later.',
    'auth.signIn.help':
      'Forgotten your password, or no account yet? Your province’s Daftar ' +
      'administrator can send you a link to set one.',
    'auth.setPassword.invitationTitle': 'Accept your invitation',
    'auth.setPassword.resetTitle': 'Choose a new password',
    'auth.setPassword.invitationIntro':
      'Choose the password you will sign in with. Your account becomes active as soon as it is set.',
    'auth.setPassword.resetIntro': 'Choose a new password. Anywhere you are still signed in will be signed out.',
    'auth.setPassword.submit': 'Set password',
    'auth.setPassword.done': 'Your password is set. You can now sign in with your email address and the new password.',
    'auth.setPassword.toSignIn': 'Go to sign in',
    'auth.setPassword.linkInvalid':
      'This link cannot be used: it is incomplete, has been used already, ' +
      'or has expired. Ask your administrator for a new one.',
    'auth.setPassword.noTokenInvitation':
      'This page needs the full link from your invitation. ' +
      'Open the link again, or ask your administrator to invite you again.',
    'auth.setPassword.noTokenReset':
      'This page needs the full link from your password reset. ' +
      'Open the link again, or ask your administrator for a new one.',
    'auth.rule.heading': 'The password must:',
    'auth.rule.length': 'have at least {min} characters',
    'auth.rule.distinct': 'use at least {min} different characters',
    'auth.rule.notEmail': 'not contain the part of your email address before the @',
    'auth.rule.notEmailKnown': 'not contain “{name}”, the part of your email address before the @',
    'auth.rule.notEmailRefused': 'The password contains the part of your email address before the @. Choose another.',
    'auth.rule.match': 'be typed the same in both fields',
    'auth.rule.mismatch': 'The two passwords are not the same.',
    'auth.rule.tooLong': 'The password is too long: use at most {max} characters.',
    'auth.rule.met': 'done',
    'auth.rule.unmet': 'not yet',
  },
  ur: {
    'auth.email': 'ای میل',
    'auth.password': 'پاس ورڈ',
    'auth.newPassword': 'نیا پاس ورڈ',
    'auth.confirmPassword': 'پاس ورڈ کی تصدیق',
    'auth.showTyped': 'لکھا ہوا دکھائیں',
    'auth.signIn.title': 'سائن ان',
    'auth.signIn.submit': 'سائن ان کریں',
    'auth.signIn.emailRequired': 'اپنا ای میل ایڈریس درج کریں۔',
    'auth.signIn.passwordRequired': 'اپنا پاس ورڈ درج کریں۔',
    'auth.signIn.wrong': 'ای میل ایڈریس یا پاس ورڈ درست نہیں۔ دونوں کو دیکھ کر دوبارہ کوشش کریں۔',
    'auth.signIn.checkEmail': 'ای میل ایڈریس دیکھ لیں: یہ درست ای میل ایڈریس نہیں لگتا۔',
    'auth.signIn.tooManySeconds':
      'بہت زیادہ ناکام کوششیں۔ آپ کے اکاؤنٹ کی حفاظت کے لیے سائن ان روک دیا گیا ہے: ' +
      '{seconds} سیکنڈ بعد ({time} پر) دوبارہ کوشش کریں۔',
    'auth.signIn.tooManyMinutes':
      'بہت زیادہ ناکام کوششیں۔ آپ کے اکاؤنٹ کی حفاظت کے لیے سائن ان روک دیا گیا ہے: ' +
      '{minutes} منٹ بعد ({time} پر) دوبارہ کوشش کریں۔',
    'auth.signIn.tooManyLater':
      'بہت زیادہ ناکام کوششیں۔ آپ کے اکاؤنٹ کی حفاظت کے لیے سائن ان روک دیا گیا ہے: کچھ دیر بعد دوبارہ کوشش کریں۔',
    'auth.signIn.help':
      'پاس ورڈ بھول گئے، یا ابھی اکاؤنٹ نہیں؟ آپ کے صوبے کے دفتر ' +
      'ایڈمنسٹریٹر آپ کو پاس ورڈ مقرر کرنے کا لنک بھیج سکتے ہیں۔',
    'auth.setPassword.invitationTitle': 'اپنی دعوت قبول کریں',
    'auth.setPassword.resetTitle': 'نیا پاس ورڈ منتخب کریں',
    'auth.setPassword.invitationIntro':
      'وہ پاس ورڈ منتخب کریں جس سے آپ سائن ان کریں گے۔ پاس ورڈ مقرر ہوتے ہی آپ کا اکاؤنٹ فعال ہو جائے گا۔',
    'auth.setPassword.resetIntro':
      'نیا پاس ورڈ منتخب کریں۔ جہاں جہاں آپ ابھی سائن ان ہیں، وہاں سے سائن آؤٹ ہو جائیں گے۔',
    'auth.setPassword.submit': 'پاس ورڈ مقرر کریں',
    'auth.setPassword.done':
      'آپ کا پاس ورڈ مقرر ہو گیا۔ اب آپ اپنے ای میل ایڈریس اور نئے پاس ورڈ سے سائن ان کر سکتے ہیں۔',
    'auth.setPassword.toSignIn': 'سائن ان پر جائیں',
    'auth.setPassword.linkInvalid':
      'یہ لنک استعمال نہیں ہو سکتا: یہ نامکمل ہے، پہلے استعمال ہو چکا ہے، ' +
      'یا اس کی مدت ختم ہو گئی ہے۔ اپنے ایڈمنسٹریٹر سے نیا لنک منگوائیں۔',
    'auth.setPassword.noTokenInvitation':
      'اس صفحے کے لیے آپ کی دعوت کا مکمل لنک درکار ہے۔ لنک دوبارہ ' +
      'کھولیں، یا اپنے ایڈمنسٹریٹر سے دوبارہ دعوت بھیجنے کو کہیں۔',
    'auth.setPassword.noTokenReset':
      'اس صفحے کے لیے پاس ورڈ ری سیٹ کا مکمل لنک درکار ہے۔ لنک دوبارہ کھولیں، یا اپنے ایڈمنسٹریٹر سے نیا لنک منگوائیں۔',
    'auth.rule.heading': 'پاس ورڈ میں یہ ضروری ہے:',
    'auth.rule.length': 'کم از کم {min} حروف ہوں',
    'auth.rule.distinct': 'کم از کم {min} مختلف حروف استعمال ہوں',
    'auth.rule.notEmail': 'ای میل ایڈریس کا @ سے پہلے والا حصہ شامل نہ ہو',
    'auth.rule.notEmailKnown': '“{name}” شامل نہ ہو، جو آپ کے ای میل ایڈریس کا @ سے پہلے والا حصہ ہے',
    'auth.rule.notEmailRefused':
      'پاس ورڈ میں آپ کے ای میل ایڈریس کا @ سے پہلے والا حصہ شامل ہے۔ کوئی اور پاس ورڈ منتخب کریں۔',
    'auth.rule.match': 'دونوں خانوں میں ایک جیسا لکھا جائے',
    'auth.rule.mismatch': 'دونوں پاس ورڈ ایک جیسے نہیں ہیں۔',
    'auth.rule.tooLong': 'پاس ورڈ بہت لمبا ہے: زیادہ سے زیادہ {max} حروف استعمال کریں۔',
    'auth.rule.met': 'پورا',
    'auth.rule.unmet': 'ابھی نہیں',
  },
} as const;
