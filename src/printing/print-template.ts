import { formUi, UiField, UiSection } from '../forms/compile';
import { FormDefinition, Locale, Localized } from '../forms/definition';
import { fontFaceCss, LATIN_FAMILY, URDU_FAMILY } from './print-fonts';
import { PRINT_WORDS, PrintWord } from './print-words';

/**
 * Bump when the printed layout changes: it is part of every stored PDF's key, so files printed
 * with an older template are printed again on the next request instead of being served.
 */
export const TEMPLATE_VERSION = 1;

/** Empty rows a blank proforma gives each table, to be filled by hand. */
export const BLANK_TABLE_ROWS = 5;
/** Characters of the content hash shown in the footer (enough to tell revisions apart by eye). */
const HASH_SHOWN = 16;
/** Sections whose tables are signatories (name, designation …) get a column to sign in. */
const SIGNATURE_SECTIONS = new Set(['certificate']);

export interface PrintInput {
  locale: Locale;
  provinceName: string;
  /** null for a blank proforma. */
  projectTitle: string | null;
  form: { number: number; contentHash: string; title: Localized; definition: FormDefinition };
  /** The document's data at the printed revision; null prints the blank proforma. */
  data: Record<string, unknown> | null;
  revision: number | null;
  /** SHA-256 of the printed data (blank: of the form version). */
  contentHash: string;
  watermark: boolean;
  /** Printed in a training sandbox (src/training): marked TRAINING on every page, whatever its state. */
  training?: boolean;
}

export interface PrintPage {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

type Data = Record<string, unknown>;

const esc = (value: unknown) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Numbers, codes and dates read left to right inside Urdu text (bidi isolation). */
const ltr = (text: string) => `<span class="ltr" dir="ltr">${esc(text)}</span>`;

/** "3128.200" → "3,128.200": grouping only, the stored decimals are printed as they are. */
export function groupDigits(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

class Printer {
  private readonly words: Record<PrintWord, string>;

  constructor(private readonly input: PrintInput) {
    this.words = PRINT_WORDS[input.locale];
  }

  private word(key: PrintWord, values: Record<string, string> = {}): string {
    return this.words[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  }

  private text(label: Localized | undefined): string {
    return label ? label[this.input.locale] || label.en : '';
  }

  private get blank(): boolean {
    return this.input.data === null;
  }

  page(): PrintPage {
    const { locale, form } = this.input;
    const sections = formUi(form.definition)
      .sections.map((s) => this.section(s))
      .join('\n');
    const html =
      `<!doctype html>
<html lang="${locale}" dir="${locale === 'ur' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; ` +
      `img-src data:">
<title>${esc(this.input.projectTitle ?? this.text(form.title))}</title>
<style>${this.pageFonts()}\n${STYLE}</style></head>
<body class="${locale}${this.blank ? ' blank' : ''}">
${this.input.watermark ? `<div class="watermark" aria-hidden="true">${esc(this.word('watermark'))}</div>` : ''}
${this.input.training ? `<div class="training-mark">TRAINING · ${esc(PRINT_WORDS.ur.training)}</div>` : ''}
${this.cover()}
${sections}
</body></html>`;
    return { html, headerTemplate: this.header(), footerTemplate: this.footer() };
  }

  private cover(): string {
    const { form, projectTitle, revision, provinceName } = this.input;
    const rows: Array<[string, string]> = [
      [this.word('formVersion'), `${ltr(String(form.number))} · ${ltr(form.contentHash.slice(0, HASH_SHOWN))}`],
    ];
    if (!this.blank) {
      rows.push([this.word('revision'), ltr(String(revision))]);
      rows.push([this.word('status'), this.input.watermark ? this.word('draft') : this.word('approved')]);
      rows.push([this.word('contentHash'), ltr(this.input.contentHash.slice(0, HASH_SHOWN))]);
    }
    const title = this.blank
      ? `<p class="project-title">${esc(this.word('blank'))}</p><p class="note">${esc(this.word('blankNote'))}</p>`
      : `<p class="project-label">${esc(this.word('project'))}</p>` +
        `<p class="project-title" dir="auto">${esc(projectTitle ?? '')}</p>`;
    return (
      `<section class="cover">
  <p class="government">${esc(this.word('government', { province: provinceName }))}</p>
  <h1 class="form-title">${esc(this.text(form.title))}</h1>
  ` +
      `${title}
  <table class="facts">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>
  <p class="note">${esc(this.word('amounts'))}</p>
</section>`
    );
  }

  private section(s: UiSection): string {
    const values = (this.input.data?.[s.id] ?? {}) as Data;
    const fields = s.fields.filter((f) => !f.hidden);
    const items = fields
      .map((f, i) => this.field(f, `${s.number}.${i + 1}`, values[f.id], SIGNATURE_SECTIONS.has(s.id)))
      .join('\n');
    return `<section class="section" id="s-${esc(s.id)}">
  <h2><span class="number">${ltr(`${s.number}.`)}</span> ${esc(this.text(s.label))}</h2>
  ${items}
</section>`;
  }

  private field(f: UiField, number: string, value: unknown, signatures: boolean): string {
    const label = `<span class="number">${ltr(number)}</span> ${esc(this.text(f.label))}`;
    if (f.type === 'table')
      return (
        `<div class="item table-item"><p ` +
        `class="label">${label}</p>${this.table(f, value as Data | undefined, signatures)}</div>`
      );
    const wide = f.type === 'textarea' || (f.type === 'boolean' && this.text(f.label).length > 80);
    return (
      `<div class="item ${wide ? 'wide' : 'pair'}"><div class="label">${label}</div><div ` +
      `class="value ${f.type}">${this.value(f, value, wide)}</div></div>`
    );
  }

  private value(f: UiField, value: unknown, wide: boolean): string {
    if (this.blank) {
      if (f.type === 'boolean')
        return (
          `<span class="box"></span> ${esc(this.word('yes'))} &nbsp; ` +
          `<span class="box"></span> ${esc(this.word('no'))}`
        );
      return `<div class="fill${wide ? ' tall' : ''}"></div>`;
    }
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length))
      return esc(this.word('none'));
    switch (f.type) {
      case 'money':
      case 'decimal':
        return ltr(groupDigits(String(value)));
      case 'integer':
      case 'date':
      case 'fiscalYear':
        return ltr(String(value));
      case 'boolean':
        return esc(value === true ? this.word('yes') : this.word('no'));
      case 'select':
        return this.option(f, String(value));
      case 'multiselect':
        return (value as unknown[])
          .map((v) => this.option(f, String(v)))
          .join(this.input.locale === 'ur' ? '، ' : ', ');
      case 'attachment':
        return esc(this.word('attached', { id: String(value).slice(0, 8) }));
      default:
        return `<span dir="auto">${esc(String(value))}</span>`;
    }
  }

  private option(f: UiField, value: string): string {
    const option = f.options?.find((o) => o.value === value);
    return option ? esc(this.text(option.label)) : ltr(value);
  }

  private table(f: UiField, value: Data | undefined, signatures: boolean): string {
    const columns = (f.columns ?? []).filter((c) => !c.hidden);
    const head =
      columns.map((c) => `<th class="${c.type}">${esc(this.text(c.label))}</th>`).join('') +
      (signatures ? `<th class="signature">${esc(this.word('signature'))}</th>` : '');
    const rows = this.blank
      ? Array.from({ length: BLANK_TABLE_ROWS }, () => ({}) as Data)
      : ((value?.rows as Data[] | undefined) ?? []);
    const cell = (c: UiField, row: Data) =>
      `<td class="${c.type}">${this.blank ? '' : this.value(c, row[c.id], false)}</td>`;
    const body = rows.length
      ? rows
          .map(
            (row) =>
              `<tr>${columns.map((c) => cell(c, row)).join('')}${signatures ? '<td class="signature"></td>' : ''}</tr>`,
          )
          .join('')
      : `<tr><td colspan="${columns.length + (signatures ? 1 : 0)}">${esc(this.word('none'))}</td></tr>`;
    const totals = f.totals?.length
      ? this.totalsRow(columns, f.totals, (value?.totals as Data | undefined) ?? {}, signatures)
      : '';
    return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${totals}</table>`;
  }

  private totalsRow(columns: UiField[], summed: string[], totals: Data, signatures: boolean): string {
    const firstSummed = columns.findIndex((c) => summed.includes(c.id));
    const labelSpan = Math.max(firstSummed, 1);
    const cells = columns.slice(labelSpan).map((c) => {
      if (!summed.includes(c.id)) return `<td></td>`;
      const total = this.blank || totals[c.id] == null ? '' : ltr(groupDigits(String(totals[c.id])));
      return `<td class="${c.type}">${total}</td>`;
    });
    return (
      `<tfoot><tr><th ` +
      `colspan="${labelSpan}">${esc(this.word('total'))}</th>${cells.join('')}` +
      `${signatures ? '<td></td>' : ''}</tr></tfoot>`
    );
  }

  /** Chromium prints these in their own context: inline styles only, sizes explicit. */
  private header(): string {
    const { locale, provinceName, projectTitle, form } = this.input;
    const title = projectTitle ?? `${this.text(form.title)} · ${this.word('blank')}`;
    const right = this.input.training ? `${this.word('training')} · ${title}` : title;
    return (
      `${this.marginFonts()}<div dir="${locale === 'ur' ? 'rtl' : 'ltr'}" ` +
      `style="${this.marginStyle()}"><span>${esc(this.word('government', { province: provinceName }))}</span><span ` +
      `dir="auto" ` +
      `style="max-width:60%;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${esc(right)}</span></div>`
    );
  }

  private footer(): string {
    const { locale, form, revision, contentHash } = this.input;
    const parts = [
      `${esc(this.text(form.title))} · ${esc(this.word('formVersion'))} ${ltr(String(form.number))}`,
      ...(this.blank ? [] : [`${esc(this.word('revision'))} ${ltr(String(revision))}`]),
      `${esc(this.word('contentHash'))} ${ltr(contentHash.slice(0, HASH_SHOWN))}`,
    ];
    const page = this.word('page', { page: '\u0000p', pages: '\u0000t' })
      .replace('\u0000p', '<span class="ltr" dir="ltr"><span class="pageNumber"></span></span>')
      .replace('\u0000t', '<span class="ltr" dir="ltr"><span class="totalPages"></span></span>');
    return (
      `${this.marginFonts()}<div dir="${locale === 'ur' ? 'rtl' : 'ltr'}" ` +
      `style="${this.marginStyle()}"><span>${parts.join(' · ')}</span><span ` +
      `style="white-space:nowrap">${page}</span></div>`
    );
  }

  /**
   * An English page needs Nastaliq only for the odd Urdu name: its regular weight, about 0.2 MB less to parse per page.
   */
  private pageFonts(): string {
    return this.input.locale === 'ur'
      ? fontFaceCss()
      : `${fontFaceCss([400, 700], [LATIN_FAMILY])}\n${fontFaceCss([400], [URDU_FAMILY])}`;
  }

  /**
   * An English page's margins are Latin (a title in Urdu falls back to the system's Arabic font): fewer fonts to load
   * per page.
   */
  private marginFonts(): string {
    const families = this.input.locale === 'ur' ? [LATIN_FAMILY, URDU_FAMILY] : [LATIN_FAMILY];
    return `<style>${fontFaceCss([400], families)}</style>`;
  }

  private marginStyle(): string {
    const family =
      this.input.locale === 'ur' ? `'${URDU_FAMILY}', '${LATIN_FAMILY}'` : `'${LATIN_FAMILY}', '${URDU_FAMILY}'`;
    return (
      `width:100%;box-sizing:border-box;padding:0 ` +
      `14mm;font-size:7pt;line-height:${this.input.locale === 'ur' ? 2 : 1.3};color:#333;font-family:${family};` +
      `display:flex;justify-content:space-between;gap:6mm;-webkit-print-color-adjust:exact`
    );
  }
}

/**
 * The whole printed proforma (cover, numbered items, tables with totals, certificate) and its page header and footer.
 */
export function printPage(input: PrintInput): PrintPage {
  return new Printer(input).page();
}

const STYLE =
  `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${LATIN_FAMILY}', '${URDU_FAMILY}', sans-serif; font-size: 9pt; line-height: 1.35; ` +
  `color: #111; }
body.ur { font-family: '${URDU_FAMILY}', '${LATIN_FAMILY}', sans-serif; font-size: 9pt; line-height: 2.1; }
.ltr { direction: ltr; unicode-bidi: isolate; font-family: '${LATIN_FAMILY}', sans-serif; }
.watermark { position: fixed; top: 42%; left: 0; right: 0; text-align: center; transform: rotate(-35deg); ` +
  `font-family: '${LATIN_FAMILY}', sans-serif;
  font-size: 110pt; font-weight: 700; letter-spacing: 8pt; color: rgba(190, 30, 30, 0.13); z-index: 10; ` +
  `pointer-events: none; }
.training-mark { position: fixed; top: 62%; left: 0; right: 0; text-align: center; transform: rotate(-35deg); ` +
  `font-size: 64pt; font-weight: 700; color: rgba(30, 60, 190, 0.16); z-index: 10; pointer-events: none; }
.cover { text-align: center; padding: 2mm 0 4mm; border-bottom: 1pt solid #1f4e79; margin-bottom: 4mm; }
.cover .government { font-size: 12pt; font-weight: 700; margin: 0 0 3mm; }
.cover .form-title { font-size: 17pt; margin: 0 0 5mm; }
.cover .project-label { font-size: 10pt; color: #444; margin: 0; }
.cover .project-title { font-size: 14pt; font-weight: 700; margin: 1mm 12mm 5mm; }
.cover .facts { margin: 0 auto 3mm; border-collapse: collapse; min-width: 60%; }
.cover .facts th, .cover .facts td { border: 0.6pt solid #777; padding: 1.5mm 3mm; text-align: start; }
.cover .facts th { background: #eee; width: 40%; }
.note { font-size: 8pt; color: #444; }
.section { margin: 0 0 5mm; }
h2 { font-size: 11pt; margin: 4mm 0 2mm; padding: 1mm 2mm; background: #e6ecf2; border-inline-start: ` +
  `2pt solid #1f4e79; break-after: avoid; }
.ur h2 { font-size: 10.5pt; }
.number { font-weight: 700; margin-inline-end: 1.5mm; }
.item { margin: 0 0 2mm; break-inside: avoid; }
.item.pair { display: grid; grid-template-columns: 42% 58%; border-bottom: 0.4pt solid #ccc; }
.item.pair .label { padding: 0.8mm 2mm 0.8mm 0; }
.ur .item.pair .label { padding: 0.8mm 0 0.8mm 2mm; }
.item.pair .value { padding: 0.8mm 0; }
.item.wide .label { margin-bottom: 0.8mm; }
.item.wide .value { white-space: pre-wrap; padding: 1mm 2mm; border-inline-start: 1pt solid #bbb; }
.item.table-item { break-inside: auto; }
.item .label { font-weight: 600; }
.table-item .label { margin: 1mm 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 8pt; }
.ur table.grid { font-size: 8pt; }
table.grid th, table.grid td { border: 0.6pt solid #666; padding: 0.8mm 1.2mm; text-align: start; vertical-align: top; }
table.grid thead th { background: #eef1f4; }
table.grid tfoot th, table.grid tfoot td { background: #f4f4f4; font-weight: 700; }
table.grid td.money, table.grid td.decimal, table.grid td.integer { text-align: end; white-space: nowrap; }
table.grid th.money, table.grid th.decimal, table.grid th.integer { text-align: end; }
table.grid td, table.grid th { overflow-wrap: anywhere; }
table.grid tr { break-inside: avoid; }
td.signature, th.signature { width: 24mm; }
.blank table.grid tbody td { height: 8mm; }
.blank td.signature { height: 14mm; }
.fill { border-bottom: 0.6pt dotted #555; min-height: 6mm; }
.fill.tall { min-height: 22mm; border: 0.6pt dotted #555; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.7pt solid #333; vertical-align: middle; }
`;
