import { fontFaceCss, LATIN_FAMILY, URDU_FAMILY } from '../printing/print-fonts';

export interface SheetTrainee {
  name: string;
  email: string;
  role: string;
  department: string | null;
  password: string;
}

const WORDS = {
  en: {
    title: 'Training sign-in sheet',
    intro: 'Sign in at {host} with the email and one-time password below, then change the password.',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    department: 'Department',
    password: 'Password',
    signature: 'Signature',
  },
  ur: {
    title: 'تربیتی سائن اِن شیٹ',
    intro: 'نیچے دیے گئے ای میل اور ایک بار کے پاس ورڈ سے {host} پر سائن اِن کریں، پھر پاس ورڈ بدل لیں۔',
    name: 'نام',
    email: 'ای میل',
    role: 'کردار',
    department: 'محکمہ',
    password: 'پاس ورڈ',
    signature: 'دستخط',
  },
} as const;

const esc = (value: unknown) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
/** Emails, hosts and passwords read left to right inside Urdu text. */
const ltr = (text: string) => `<span dir="ltr" class="ltr">${esc(text)}</span>`;

/**
 * The trainer's sheet of the trainees just created, in English or Urdu (right to left), marked
 * TRAINING on every page; printed by the platform's Chromium like every other PDF.
 */
export function signInSheet(
  locale: 'en' | 'ur',
  provinceName: string,
  host: string,
  trainees: readonly SheetTrainee[],
) {
  const w = WORDS[locale];
  const rows = trainees
    .map(
      (t) =>
        `<tr><td dir="auto">${esc(t.name)}</td><td>${ltr(t.email)}</td><td>${ltr(t.role)}</td>` +
        `<td>${t.department ? ltr(t.department) : ''}</td><td class="pw">${ltr(t.password)}</td><td></td></tr>`,
    )
    .join('\n');
  const family = locale === 'ur' ? `'${URDU_FAMILY}', '${LATIN_FAMILY}'` : `'${LATIN_FAMILY}', '${URDU_FAMILY}'`;
  const html =
    `<!doctype html>
<html lang="${locale}" dir="${locale === 'ur' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${esc(w.title)}</title>
<style>${fontFaceCss()}
body { margin: 0; font-family: ${family}; font-size: 10pt; line-height: ${locale === 'ur' ? 2.1 : 1.4}; }
.ltr { direction: ltr; unicode-bidi: isolate; font-family: '${LATIN_FAMILY}', sans-serif; }
h1 { font-size: 16pt; margin: 0 0 2mm; } p { margin: 0 0 5mm; }
table { width: 100%; border-collapse: collapse; } th, td { border: 0.5pt solid #555; padding: 2mm; text-align: start; }
td.pw { font-family: monospace; font-size: 11pt; } td:last-child { width: 30mm; }
.band { background: #b45309; color: #fff; text-align: center; font-weight: 700; letter-spacing: 2pt; padding: 1mm;
  margin-bottom: 4mm; -webkit-print-color-adjust: exact; }
.training-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-35deg);
  font-size: 64pt; font-weight: 700; color: rgba(30, 60, 190, 0.12); pointer-events: none; }
</style></head>
<body>
<div class="training-mark" aria-hidden="true">TRAINING · تربیتی</div>
<div class="band">TRAINING · تربیتی</div>
<h1>${esc(w.title)} · ${esc(provinceName)}</h1>
<p>${esc(w.intro).replace('{host}', ltr(host))}</p>
<table><thead><tr><th>${w.name}</th><th>${w.email}</th><th>${w.role}</th><th>${w.department}</th>` +
    `<th>${w.password}</th><th>${w.signature}</th></tr></thead>
<tbody>${rows}</tbody></table>
</body></html>`;
  const margin = `<div style="width:100%;font-size:7pt;text-align:center;font-family:sans-serif">TRAINING</div>`;
  return { html, headerTemplate: margin, footerTemplate: margin };
}
