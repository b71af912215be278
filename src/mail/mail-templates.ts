import {
  documentEventTitle,
  DocumentEventType,
  isDocumentEvent,
  ltr,
  obligationEventTitle,
  reportLabel,
  WEBHOOK_DISABLED_HEADLINE,
} from '../events/event-texts';
import type { PublishedEvent } from '../events/events.service';

/** A quoted comment in a mail: a line on the reading side's start, the text's own line breaks kept. */
const QUOTE_STYLE = 'border-inline-start:3px solid #999;margin:0;padding:0 12px;white-space:pre-wrap';

/**
 * The mail of every event in English and Urdu, chosen by the recipient's language. Pure
 * functions of their input (no I/O), so a message is rendered once, in the transaction that
 * writes it to the outbox, and delivery only sends what is stored.
 */
export type MailLocale = 'en' | 'ur';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** One line for the daily digest and logs. */
  summary: string;
}

export interface MailContext {
  locale: MailLocale;
  recipientName: string;
  /** The province's name in the recipient's language. */
  provinceName: string;
  /** The province's web app, e.g. `https://gb.daftar.gov.pk`. */
  appUrl: string;
}

interface Body {
  subject: string;
  greeting?: string;
  lines: string[];
  /** A call to action: the link and its label. */
  link?: { href: string; label: string };
  /** Quoted text from a person (a reviewer's comment), shown apart from ours. */
  quote?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export function documentUrl(appUrl: string, documentId: string): string {
  return `${appUrl}/documents/${encodeURIComponent(documentId)}`;
}

export function projectUrl(appUrl: string, projectId: string): string {
  return `${appUrl}/projects/${encodeURIComponent(projectId)}`;
}

/** The message an event sends to one recipient; null when the event sends no mail. */
export function renderEventMail(event: PublishedEvent, ctx: MailContext): RenderedMail | null {
  const body = bodyOf(event, ctx);
  return body ? render(body, ctx) : null;
}

/** One message gathering a day's messages of one recipient. */
export function renderDigest(summaries: string[], ctx: MailContext): RenderedMail {
  const ur = ctx.locale === 'ur';
  const n = summaries.length;
  return render(
    {
      subject: ur
        ? `آپ کا روزانہ خلاصہ — ${ctx.provinceName} (${ltr(String(n))} اطلاعات)`
        : `Your daily summary — ${ctx.provinceName} (${n} update${n === 1 ? '' : 's'})`,
      lines: [
        ur ? 'گزشتہ دن کی اطلاعات:' : 'What happened since your last summary:',
        ...summaries.map((s) => `• ${s}`),
      ],
      link: { href: ctx.appUrl, label: ur ? 'دفتر کھولیں' : 'Open Daftar' },
    },
    ctx,
  );
}

/** A document's mail: its title (shared with the bell) as the subject, then the mail's own sentence. */
function documentBody(event: Extract<PublishedEvent, { type: DocumentEventType }>, ctx: MailContext): Body {
  const ur = ctx.locale === 'ur';
  const p = ctx.provinceName;
  const d = event.data;
  const forum = d.forum ?? (ur ? 'فورم' : 'the forum');
  const by = d.actorName ?? (ur ? 'ایک صارف' : 'a user');
  const sentence = {
    'document.submitted': ur
      ? `${by} نے یہ دستاویز جمع کرائی ہے اور یہ آپ کے جائزے کی منتظر ہے۔`
      : `${by} submitted this document; it awaits your review.`,
    'document.returned': ur
      ? `${by} نے یہ دستاویز درستی کے لیے واپس کی ہے۔ تبصرہ:`
      : `${by} returned this document for rectification, with this comment:`,
    'document.forum': ur
      ? `یہ دستاویز ${ltr(forum)} کے سامنے فیصلے کے لیے پیش کی گئی ہے۔`
      : `The document has been placed before ${forum} for decision.`,
    'document.approved': ur ? `${ltr(forum)} نے یہ دستاویز منظور کر لی ہے۔` : `${forum} has approved the document.`,
    'document.rejected': ur ? `${ltr(forum)} نے یہ دستاویز مسترد کر دی ہے۔` : `${forum} has rejected the document.`,
    'document.deferred': ur
      ? `${ltr(forum)} نے اس دستاویز پر فیصلہ مؤخر کر دیا ہے۔`
      : `${forum} has deferred its decision on the document.`,
  }[event.type];
  return {
    subject: `${documentEventTitle(event.type, d)[ctx.locale]} — ${p}`,
    lines: [sentence],
    quote: d.comment ?? undefined,
    link: { href: documentUrl(ctx.appUrl, d.documentId), label: ur ? 'دستاویز کھولیں' : 'Open the document' },
  };
}

function bodyOf(event: PublishedEvent, ctx: MailContext): Body | null {
  if (isDocumentEvent(event)) return documentBody(event, ctx);
  const ur = ctx.locale === 'ur';
  const p = ctx.provinceName;
  switch (event.type) {
    case 'user.invited':
      return {
        subject: ur ? `دفتر میں آپ کو مدعو کیا گیا ہے — ${p}` : `Your invitation to Daftar — ${p}`,
        lines: ur
          ? [
              `${p} کے دفتر میں آپ کا اکاؤنٹ بنا دیا گیا ہے۔ نیچے دیے گئے ربط سے اپنا پاس ورڈ منتخب کریں۔`,
              `یہ ربط ${ltr(formatDate(event.data.expiresAt))} تک کارآمد ہے اور ایک ہی بار استعمال ہو سکتا ہے۔`,
            ]
          : [
              `An account has been created for you on Daftar, ${p}. Choose your password with the link below.`,
              `The link works once, until ${formatDate(event.data.expiresAt)}.`,
            ],
        link: { href: event.data.link, label: ur ? 'پاس ورڈ منتخب کریں' : 'Choose your password' },
      };
    case 'user.password-reset':
      return {
        subject: ur ? `دفتر کا پاس ورڈ دوبارہ ترتیب دیں — ${p}` : `Reset your Daftar password — ${p}`,
        lines: ur
          ? [
              'آپ کے منتظم نے پاس ورڈ دوبارہ ترتیب دینے کا ربط جاری کیا ہے۔',
              `یہ ربط ${ltr(formatDate(event.data.expiresAt))} تک ایک بار ` +
                `کارآمد ہے۔ اگر آپ نے یہ نہیں مانگا تو اپنے منتظم کو بتائیں۔`,
            ]
          : [
              'Your administrator has issued a link to reset your password.',
              `It works once, until ${formatDate(event.data.expiresAt)}. ` +
                `If you did not ask for it, tell your administrator.`,
            ],
        link: { href: event.data.link, label: ur ? 'نیا پاس ورڈ منتخب کریں' : 'Choose a new password' },
      };
    case 'obligation.due':
    case 'obligation.overdue': {
      const d = event.data;
      const what = reportLabel(d);
      const due = event.type === 'obligation.due';
      return {
        subject: `${obligationEventTitle(event.type, d)[ctx.locale]} — “${d.projectTitle}” — ${p}`,
        lines: ur
          ? [
              due
                ? `منصوبہ “${d.projectTitle}” کی ${ltr(what)} رپورٹ ${ltr(d.dueDate)} تک جمع کرانی ہے۔`
                : `منصوبہ “${d.projectTitle}” کی ${ltr(what)} رپورٹ ${ltr(d.dueDate)} سے واجب الادا ہے۔`,
            ]
          : [
              due
                ? `The ${what} report of “${d.projectTitle}” is due on ${d.dueDate}.`
                : `The ${what} report of “${d.projectTitle}” was due on ${d.dueDate} and has not been submitted.`,
            ],
        link: { href: projectUrl(ctx.appUrl, d.projectId), label: ur ? 'منصوبہ کھولیں' : 'Open the project' },
      };
    }
    case 'webhook.disabled': {
      const d = event.data;
      return {
        subject: `${WEBHOOK_DISABLED_HEADLINE[ctx.locale]} — ${p}`,
        lines: ur
          ? [
              `${ltr(String(d.failures))} ناکام کوششوں کے بعد ${ltr(d.url)} کو ترسیل بند کر دی گئی ہے۔`,
              `آخری خرابی: ${ltr(d.lastError)}`,
            ]
          : [`Deliveries to ${d.url} were stopped after ${d.failures} failed attempts.`, `Last error: ${d.lastError}`],
        link: { href: ctx.appUrl, label: ur ? 'دفتر کھولیں' : 'Open Daftar' },
      };
    }
    default:
      return null;
  }
}

function render(body: Body, ctx: MailContext): RenderedMail {
  const ur = ctx.locale === 'ur';
  const greeting = ur ? `محترم ${ctx.recipientName}،` : `Dear ${ctx.recipientName},`;
  const footer = ur
    ? `یہ پیغام دفتر (${ctx.provinceName}) نے بھیجا ہے۔ اس کا جواب نہ دیں۔`
    : `Sent by Daftar, ${ctx.provinceName}. Please do not reply to this message.`;
  const text = [
    greeting,
    '',
    ...body.lines,
    ...(body.quote ? ['', ...body.quote.split('\n').map((l) => `> ${l}`)] : []),
    ...(body.link ? ['', `${body.link.label}: ${body.link.href}`] : []),
    '',
    '--',
    footer,
  ].join('\n');
  const dir = ur ? 'rtl' : 'ltr';
  const font = ur ? `'Noto Nastaliq Urdu', 'Jameel Noori Nastaleeq', serif` : `Arial, Helvetica, sans-serif`;
  const html =
    `<!doctype html>
<html lang="${ctx.locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body dir="${dir}" ` +
    `style="font-family:${font};line-height:${ur ? '2.2' : '1.5'};color:#1a1a1a;text-align:${ur ? 'right' : 'left'}">
<p>${escapeHtml(greeting)}</p>
${body.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${body.quote ? `<blockquote style="${QUOTE_STYLE}">${escapeHtml(body.quote)}</blockquote>` : ''}
${body.link ? `<p><a href="${escapeHtml(body.link.href)}" dir="ltr">${escapeHtml(body.link.label)}</a></p>` : ''}
<hr><p style="color:#666;font-size:small">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: body.subject, html, text, summary: body.subject };
}

function formatDate(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}
