#!/usr/bin/env node
// Re-wraps comment lines longer than 120 columns (docs/ARCHITECTURE.md keeps every line within 120; Prettier
// wraps code but never comments), then lists the long lines it cannot fix: code, strings, templates.
//
//   node scripts/wrap-comments.mjs [--check] <file or folder>...
//
// What it does, on .ts/.tsx/.mts/.js/.mjs/.cjs files:
// - an own-line `//` comment or a ` * ` line of a block comment: the words past column 120 move down, into
//   the next line of the same comment when that line continues the sentence, else onto a new line;
// - a one-line `/** … */` that is too long becomes a block of ` * ` lines;
// - a trailing `code; // comment` that is too long: the comment moves to its own lines above the code.
// Comments are found by the TypeScript parser, so `//` inside a string, template or URL is left alone.
// Directives (ESLint's, @ts-, prettier-ignore) stay where they are, except that a trailing disable-line
// directive on a long line becomes a disable-next-line directive above it.
// With --check nothing is written and the exit code is 1 when a file would change. It is a tool to run by
// hand, not a check in `npm test`: max-len in ESLint is the check. Run Prettier after it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const WIDTH = 120;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-bench', 'dist-web', 'coverage', '.git']);
/** Directives whose position matters: moving them would change what they apply to. */
const PINNED = /<reference |eslint-disable|eslint-enable|@ts-|prettier-ignore|istanbul|c8 ignore|#region|#endregion/;
/** A comment line that starts something of its own: a list item, a tag, a code sample, a heading. */
const STARTS_ITEM = /^([-*•+]\s|\d+[.)]\s|@|`{3}|#|\||$)/;

function filesUnder(target) {
  const stat = statSync(target);
  if (stat.isFile()) return EXTENSIONS.includes(path.extname(target)) ? [target] : [];
  return readdirSync(target, { withFileTypes: true })
    .filter((entry) => !SKIP_DIRS.has(entry.name))
    .flatMap((entry) => filesUnder(path.join(target, entry.name)));
}

/** Every comment in the file, as [start, end, kind], found through the parser (never inside a string). */
function commentsOf(file, text) {
  const kind = /\.(tsx|jsx)$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found = new Map();
  const collect = (pos) => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, pos) ?? []),
    ])
      found.set(range.pos, range);
  };
  const visit = (node) => {
    collect(node.pos);
    collect(node.end);
    ts.forEachChild(node, visit);
  };
  visit(source);
  collect(0);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

/** Splits `content` so the first part fits in `room` columns; undefined when no break point fits. */
function split(content, room) {
  if (content.length <= room) return undefined;
  const cut = content.lastIndexOf(' ', room);
  if (cut <= 0) return undefined; // one word longer than the room (a URL): leave it
  return [content.slice(0, cut).trimEnd(), content.slice(cut + 1).trimStart()];
}

/** How a continuation of this content is indented: under the text of a list item, else not at all. */
const hangOf = (content) => ' '.repeat((/^([-*•+]|\d+[.)])\s+/.exec(content)?.[0] ?? '').length);

/**
 * Re-wraps the comment lines of one file. `lines[i].prefix` is set on lines that are all comment
 * (the part before the words: indent and `//` or ` * `); other lines are kept as they are.
 */
function wrap(file, text) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const lineStarts = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + eol.length;
  }
  const lineAt = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Per line: { prefix } for a comment-only line, { single } for a one-line doc, { trailingAt } else. */
  const info = new Map();
  for (const range of commentsOf(file, text)) {
    const first = lineAt(range.pos);
    const last = lineAt(range.end - 1);
    const body = text.slice(range.pos, range.end);
    const column = range.pos - lineStarts[first];
    const before = lines[first].slice(0, column);
    const ownLine = before.trim() === '';
    // A trailing eslint-disable-line can move above its line as an eslint-disable-next-line; nothing else pinned.
    const disableLine = /^\/\/\s*eslint-disable-line\b/.test(body) && !ownLine && lines[first].length > WIDTH;
    if (disableLine && lines[first].slice(range.end - lineStarts[first]).trim() === '') {
      info.set(first, {
        trailingAt: column,
        directive: body.replace('eslint-disable-line', 'eslint-disable-next-line'),
      });
      continue;
    }
    if (PINNED.test(body)) continue;
    if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      if (ownLine) info.set(first, { prefix: /^\s*\/\/\s?/.exec(lines[first])[0] });
      else if (lines[first].length > WIDTH && lines[first].slice(range.end - lineStarts[first]).trim() === '')
        info.set(first, { trailingAt: column });
      continue;
    }
    if (first === last) {
      const after = lines[first].slice(range.end - lineStarts[first]).trim();
      if (ownLine && after === '' && /^\/\*\*?\s/.test(body)) info.set(first, { single: true });
      continue;
    }
    for (let i = first + 1; i < last; i++) {
      const prefix = /^\s*\*(\s|$)/.exec(lines[i])?.[0];
      if (prefix !== undefined) info.set(i, { prefix: prefix.endsWith(' ') ? prefix : `${prefix} ` });
    }
  }

  const out = [];
  /** Words carried down from the line above, waiting for the next line of the same comment. */
  let carry;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const meta = info.get(i);
    if (carry && meta?.prefix === carry.prefix) {
      const content = line.slice(carry.prefix.length);
      if (carry.joinable && content.trim() !== '' && !STARTS_ITEM.test(content) && /^\S/.test(content))
        line = carry.prefix + carry.words + ' ' + content;
      else out.push(...fill(carry.prefix + carry.hang, carry.words));
      carry = undefined;
    } else if (carry) {
      out.push(...fill(carry.prefix + carry.hang, carry.words));
      carry = undefined;
    }
    if (line.length <= WIDTH || !meta) {
      out.push(line);
      continue;
    }
    if (meta.prefix !== undefined) {
      const content = line.slice(meta.prefix.length);
      const hang = hangOf(content);
      const parts = split(content, WIDTH - meta.prefix.length);
      if (!parts) {
        out.push(line);
        continue;
      }
      out.push(meta.prefix + parts[0]);
      // A list item's overflow hangs under its text; it joins the next line only if that one hangs too.
      carry = { prefix: meta.prefix, hang, words: parts[1], joinable: hang === '' };
    } else if (meta.single) {
      const [, indent, opener, words] = /^(\s*)(\/\*\*?)\s+(.*?)\s*\*\/$/.exec(line) ?? [];
      if (indent === undefined) {
        out.push(line);
        continue;
      }
      out.push(`${indent}${opener}`, ...fill(`${indent} * `, words), `${indent} */`);
    } else if (meta.trailingAt !== undefined) {
      const code = line.slice(0, meta.trailingAt).trimEnd();
      const indent = /^\s*/.exec(line)[0];
      const words = line.slice(meta.trailingAt).replace(/^\/\/\s?/, '');
      if (meta.directive) out.push(`${indent}${meta.directive}`, code);
      else out.push(...fill(`${indent}// `, words), code);
    }
  }
  if (carry) out.push(...fill(carry.prefix + carry.hang, carry.words));
  return out.join(eol);
}

/** `words` as lines of at most WIDTH columns, each starting with `prefix`. */
function fill(prefix, words) {
  const lines = [];
  let rest = words;
  for (;;) {
    const parts = split(rest, WIDTH - prefix.length);
    if (!parts) return [...lines, (prefix + rest).trimEnd()];
    lines.push(prefix + parts[0]);
    rest = parts[1];
  }
}

/** Lines still over WIDTH, with what they hold, for a person to fix. */
function longLines(file, text) {
  const comments = commentsOf(file, text);
  let offset = 0;
  const report = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.length > WIDTH) {
      const end = offset + line.length;
      const inComment = comments.some((c) => c.pos < end && c.end > offset + line.search(/\S/));
      const what = inComment ? 'comment' : /['"`]/.test(line) ? 'code with a string' : 'code';
      report.push(`${file}:${index + 1}: ${line.length} columns, ${what}`);
    }
    offset += line.length + (text.includes('\r\n') ? 2 : 1);
  }
  return report;
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const targets = args.filter((arg) => arg !== '--check');
if (targets.length === 0) {
  console.error('usage: node scripts/wrap-comments.mjs [--check] <file or folder>...');
  process.exit(2);
}
let changed = 0;
const remaining = [];
for (const file of targets.flatMap(filesUnder)) {
  const text = readFileSync(file, 'utf8');
  const wrapped = wrap(file, text);
  if (wrapped !== text) {
    changed++;
    if (check) console.log(`would re-wrap ${file}`);
    else writeFileSync(file, wrapped);
  }
  remaining.push(...longLines(file, wrapped));
}
console.log(`${check ? 'would re-wrap' : 're-wrapped'} comments in ${changed} file(s)`);
if (remaining.length > 0) console.log(`lines still over ${WIDTH} columns:\n${remaining.join('\n')}`);
process.exit(check && changed > 0 ? 1 : 0);
