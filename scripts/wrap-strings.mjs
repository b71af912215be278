#!/usr/bin/env node
// Splits string and template literals that keep a line over 120 columns into concatenated pieces
// (`'first part ' +` newline `'second part'`), so that Prettier can break the line; the value stays the same.
//
//   node scripts/wrap-strings.mjs [--check] <file or folder>...
//
// What it does, on .ts/.tsx/.mts/.js/.mjs/.cjs files (Prettier-ignored files are skipped):
// - a '…' or "…" string, a `…` template without substitutions, or a `…${x}…` template on a line longer than
//   120 columns is cut after a space or a `\n` escape into pieces joined with `+`, preferably after a clause's
//   punctuation or before an SQL clause, and into pieces of even length; a template is cut only in its text,
//   never inside a `${…}`, and each piece is a template of its own;
// - where the pieces go depends on how Prettier lays out the new expression, so the file is formatted with
//   the project's Prettier settings after each try and the cuts are made again from the columns Prettier
//   gave the pieces, until they stop changing (a few rounds);
// - a string whose split would change what the code means is left alone and reported: import and export
//   specifiers, require()/import()/jest.mock() arguments, property keys, strings in types, enum members,
//   `x as const` and the elements of a const array, case labels, === operands (TypeScript narrows on them),
//   tagged templates, directives, route paths in decorators, JSX attribute values, strings inside a `${…}`;
//   so are lines long for another reason: a string with no space (a URL, a selector), a regular expression.
// Checks, before anything is written: each new expression is parsed again and its pieces must give the
// same text (for a template: the same text parts and the same expressions, in order), and the whole file
// must have the same syntax tree as before once the `+` of adjacent literals is folded back.
// With --check nothing is written and the exit code is 1 when a file would change. It is a tool to run by
// hand, not a check in `npm test`. It formats the files it changes; re-indented code may leave comments
// over 120 columns: run scripts/wrap-comments.mjs and Prettier on the changed files after it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';

const WIDTH = 120;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-bench', 'dist-web', 'coverage', '.git']);
const MAX_ROUNDS = 8;
/** Calls whose string argument names a module: a split would hide it from bundlers, jest and readers. */
const MODULE_CALLS = new Set([
  'require',
  'require.resolve',
  'jest.mock',
  'jest.doMock',
  'jest.requireActual',
  'vi.mock',
]);
/** Matchers jest rewrites in the source. */
const SNAPSHOT_CALLS = /^(toMatchInlineSnapshot|toThrowErrorMatchingInlineSnapshot)$/;
/** Nest decorators whose argument is a route path: kept whole so it can be found by searching. */
const ROUTE_DECORATORS = new Set(['Controller', 'Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);
const ROOT = path.resolve(import.meta.dirname, '..');
/** Better places to cut: after a sentence's or a clause's punctuation, or before an SQL clause. */
const STRONG_BEFORE = /[,;:.!?)\]] +$/;
const STRONG_AFTER =
  /^(SELECT|FROM|WHERE|AND|OR|ORDER BY|GROUP BY|HAVING|LIMIT|OFFSET|JOIN|LEFT JOIN|ON|SET|VALUES|RETURNING|UNION)\b/;
/** How many columns short a piece may end to end at a better place. */
const STRONG_REACH = 20;

/** Columns as ESLint's max-len counts them: code points. */
function width(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function filesUnder(target) {
  const stat = statSync(target);
  if (stat.isFile()) return EXTENSIONS.includes(path.extname(target)) ? [target] : [];
  return readdirSync(target, { withFileTypes: true })
    .filter((entry) => !SKIP_DIRS.has(entry.name))
    .flatMap((entry) => filesUnder(path.join(target, entry.name)));
}

function parse(file, text) {
  const ext = path.extname(file);
  const kind =
    ext === '.tsx'
      ? ts.ScriptKind.TSX
      : ext === '.jsx'
        ? ts.ScriptKind.JSX
        : /\.[mc]?js$/.test(ext)
          ? ts.ScriptKind.JS
          : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

const isTextLiteral = (node) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

/** A `{' '}` between JSX children: Prettier adds and removes these as it re-wraps JSX, so they are not counted. */
const isJsxSpace = (node) =>
  ts.isStringLiteral(node) && ts.isJsxExpression(node.parent) && node.text.trim() === '' && !node.text.includes('\n');

/**
 * The string and template literals of a file in source order (the order Prettier keeps), but not those
 * inside a template's `${…}`: they stay whole, and the pieces of a split template stay next to each other.
 */
function literalsOf(source) {
  const found = [];
  const visit = (node) => {
    if (ts.isTemplateSpan(node)) return;
    if (isTextLiteral(node) && !isJsxSpace(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The value of a literal as text parts and expressions: [{ text }, { expr }, …]. */
function partsOf(node, exprOf = (e) => e.getText()) {
  if (!ts.isTemplateExpression(node)) return [{ text: node.text }];
  const parts = [{ text: node.head.text }];
  for (const span of node.templateSpans) parts.push({ expr: exprOf(span.expression) }, { text: span.literal.text });
  return parts;
}

/** Adjacent text parts joined and empty ones dropped, so that equal values have equal parts. */
function mergeParts(list) {
  const merged = [];
  for (const part of list) {
    const last = merged[merged.length - 1];
    if ('text' in part && last && 'text' in last) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged.filter((part) => !('text' in part) || part.text !== '');
}

const calleeName = (call) => {
  const callee = call.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return 'import';
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression))
    return `${callee.expression.text}.${callee.name.text}`;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
};

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Why this literal must stay whole, or undefined when it may be split. */
function refusal(node) {
  const parent = node.parent;
  if (ts.isTaggedTemplateExpression(parent)) return 'tagged template';
  if (ts.isStringLiteral(node) && /\\\r?\n/.test(node.getText())) return 'line continuation inside the string';
  for (let up = parent; up; up = up.parent) {
    if (ts.isTypeNode(up) && !ts.isExpressionWithTypeArguments(up)) return 'string in a type';
    if (ts.isTemplateSpan(up)) return 'string inside a ${…}';
    if (ts.isDecorator(up)) {
      const call = up.expression;
      if (ts.isCallExpression(call) && call.arguments.includes(node) && ROUTE_DECORATORS.has(calleeName(call)))
        return 'route path in a decorator';
    }
  }
  if (
    ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) ||
    ts.isExternalModuleReference(parent) ||
    ts.isModuleDeclaration(parent) ||
    ts.isImportAttribute(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isNamespaceExport(parent)
  )
    return 'module specifier';
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node)) {
    const name = calleeName(parent);
    if (name === 'import' || MODULE_CALLS.has(name)) return `${name}() argument`;
    if (SNAPSHOT_CALLS.test(name.split('.').pop())) return 'inline snapshot';
  }
  if ('name' in parent && parent.name === node) return 'property key';
  if (ts.isComputedPropertyName(parent) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === node))
    return 'property key';
  if (ts.isEnumMember(parent)) return 'enum member';
  if (ts.isCaseClause(parent)) return 'case label';
  if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return 'operand of ===';
  if (ts.isExpressionStatement(parent)) return 'directive';
  if (ts.isJsxAttribute(parent)) return 'JSX attribute value';
  // `as const` keeps literal types: on a concatenation it does not compile, and an array's elements are often
  // read as a union type (`typeof KINDS[number]`), which would widen to string. An object's values (a catalogue
  // of messages) are split; if one's literal type was needed, tsc says so.
  let throughArray = false;
  for (let up = node, above = parent; above; up = above, above = above.parent) {
    if ((ts.isAsExpression(above) || ts.isTypeAssertionExpression(above)) && above.type.getText() === 'const') {
      if (up === node || throughArray) return 'under as const';
      break;
    }
    throughArray ||= ts.isArrayLiteralExpression(above);
    const passes =
      ts.isArrayLiteralExpression(above) ||
      ts.isObjectLiteralExpression(above) ||
      (ts.isPropertyAssignment(above) && above.initializer === up) ||
      ts.isParenthesizedExpression(above) ||
      ts.isSpreadElement(above) ||
      (ts.isConditionalExpression(above) && above.condition !== up);
    if (!passes) break;
  }
  return undefined;
}

/** Whether `a + b` put in this literal's place needs parentheses to keep its meaning. */
function needsParens(node) {
  const parent = node.parent;
  const k = ts.SyntaxKind;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression === node;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    // Adding is left to right: `x + 'ab'` and `x + 'a' + 'b'` are the same string, and so is `'ab' - y`.
    if (op === k.PlusToken || (op === k.MinusToken && parent.left === node)) return false;
    if (op >= k.FirstAssignment && op <= k.LastAssignment) return parent.left === node;
    const lower = [
      k.AmpersandAmpersandToken,
      k.BarBarToken,
      k.QuestionQuestionToken,
      k.CommaToken,
      k.LessThanToken,
      k.GreaterThanToken,
      k.LessThanEqualsToken,
      k.GreaterThanEqualsToken,
      k.InstanceOfKeyword,
      k.InKeyword,
      k.AmpersandToken,
      k.BarToken,
      k.CaretToken,
      k.LessThanLessThanToken,
      k.GreaterThanGreaterThanToken,
      k.GreaterThanGreaterThanGreaterThanToken,
    ];
    return !lower.includes(op);
  }
  return !(
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isBindingElement(parent) ||
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isThrowStatement(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isConditionalExpression(parent) ||
    (ts.isArrowFunction(parent) && parent.body === node)
  );
}

/**
 * A literal as its quotes and the source between them, with the places it may be cut: just after a space
 * that is not escaped, in text (never inside a `${…}`), where the next character is not a space.
 */
function anatomyOf(node) {
  const source = node.getText();
  const open = source[0];
  const close = source[source.length - 1];
  const raw = source.slice(1, -1);
  const textRanges = [];
  if (ts.isTemplateExpression(node)) {
    const start = node.getStart() + 1;
    textRanges.push([0, node.head.end - start - 2]);
    for (const span of node.templateSpans) {
      const literalStart = span.literal.getStart() - start + 1;
      const literalEnd = span.literal.end - start - (span.literal.kind === ts.SyntaxKind.TemplateTail ? 1 : 2);
      textRanges.push([literalStart, literalEnd]);
    }
  } else textRanges.push([0, raw.length]);
  const escaped = (i) => {
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && raw[j] === '\\'; j--) backslashes++;
    return backslashes % 2 === 1;
  };
  const cuts = [];
  const strong = new Set();
  for (const [from, to] of textRanges) {
    for (let i = Math.max(from, 1); i <= to && i < raw.length; i++) {
      const afterSpace = raw[i - 1] === ' ' && raw[i] !== ' ' && !escaped(i - 1);
      // After a `\n` written as an escape: the end of a line of the value.
      const afterNewline = i >= 2 && raw[i - 1] === 'n' && escaped(i - 1) && raw[i] !== ' ';
      if (!afterSpace && !afterNewline) continue;
      cuts.push(i);
      if (
        afterNewline ||
        STRONG_BEFORE.test(raw.slice(Math.max(0, i - 3), i)) ||
        STRONG_AFTER.test(raw.slice(i, i + 12))
      )
        strong.add(i);
    }
  }
  return { open, close, raw, cuts, strong };
}

/**
 * Cuts `raw` so that every line fits: the first piece's opening quote at column `first`, the others at
 * `next`, each piece but the last followed by ` +`, the last by `suffix` columns. Lines of a template's
 * text that start after a newline sit at column 0. Returns the pieces' raw text and whether all fit.
 */
function cut({ raw, cuts, strong }, { first, next, suffix }, limit = WIDTH) {
  const pieces = [];
  let start = 0;
  let column = first;
  let fits = true;
  let searchFrom = 0;
  for (;;) {
    let chosen;
    let overflowing = false;
    // The physical lines of the rest, the first one after the opening quote.
    for (let lineStart = start; lineStart <= raw.length;) {
      const newline = raw.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? raw.length : newline;
      const lead = lineStart === start ? column + 1 : 0;
      const tail = lineEnd === raw.length ? 1 + suffix : 0;
      if (lineEnd >= searchFrom && lead + width(raw.slice(lineStart, lineEnd)) + tail > limit) {
        overflowing = true;
        const options = cuts.filter((c) => c > start && c > lineStart && c <= lineEnd && c < raw.length);
        const fitting = options.filter((c) => lead + width(raw.slice(lineStart, c)) + 1 + 2 <= limit);
        // A cut that fits; else, the line is over anyway, the first cut at least shortens it.
        chosen = fitting.length > 0 ? fitting[fitting.length - 1] : options[0];
        const better = fitting.filter((c) => strong.has(c)).pop();
        if (better !== undefined && width(raw.slice(better, chosen)) <= STRONG_REACH) chosen = better;
        if (fitting.length === 0) fits = false;
        if (chosen === undefined) {
          searchFrom = lineEnd + 1;
          if (newline === -1) break;
          lineStart = newline + 1;
          continue;
        }
        break;
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    if (chosen === undefined) {
      pieces.push(raw.slice(start));
      return { pieces, fits: fits && !overflowing };
    }
    pieces.push(raw.slice(start, chosen));
    start = chosen;
    column = next;
  }
}

/**
 * The fewest pieces that fit, cut at a clause's end where one is near, else of lengths as even as they can be:
 * a long test name becomes two halves, not a full line and a last word.
 */
function balancedCut(anatomy, params) {
  const greedy = cut(anatomy, params);
  if (greedy.pieces.length < 2 || !greedy.fits) return greedy;
  const cost = ({ pieces }) => {
    const widths = pieces.map((piece) => Math.max(...piece.split('\n').map(width)));
    let weak = 0;
    let at = 0;
    for (const piece of pieces.slice(0, -1)) {
      at += piece.length;
      if (!anatomy.strong.has(at)) weak++;
    }
    return weak * STRONG_REACH + (Math.max(...widths) - Math.min(...widths)) / 2;
  };
  let best = greedy;
  let bestCost = cost(greedy);
  for (let limit = WIDTH - 1; limit > WIDTH / 3; limit--) {
    const tighter = cut(anatomy, params, limit);
    if (!tighter.fits || tighter.pieces.length !== greedy.pieces.length) break;
    const tighterCost = cost(tighter);
    if (tighterCost < bestCost) [best, bestCost] = [tighter, tighterCost];
  }
  return best;
}

/** The expression replacing a literal, checked: its pieces must give the literal's value. */
function replacementFor(node, anatomy, pieces, indent) {
  let text = pieces.map((piece) => anatomy.open + piece + anatomy.close).join(` +\n${' '.repeat(indent)}`);
  if (needsParens(node)) text = `(${text})`;
  const check = ts.createSourceFile('check.ts', `(${text});`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  if (check.parseDiagnostics.length > 0) throw new Error(`pieces do not parse: ${text}`);
  let expr = check.statements[0].expression;
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  const leaves = [];
  const flatten = (e) => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      flatten(e.left);
      flatten(e.right);
    } else leaves.push(e);
  };
  flatten(expr);
  if (leaves.length !== pieces.length || !leaves.every(isTextLiteral))
    throw new Error(`pieces are not ${pieces.length} literals: ${text}`);
  const before = JSON.stringify(mergeParts(partsOf(node)));
  const after = JSON.stringify(mergeParts(leaves.flatMap((leaf) => partsOf(leaf))));
  if (before !== after) throw new Error(`pieces change the value: ${node.getText()} -> ${text}`);
  return text;
}

/**
 * The file's syntax tree as text, ignoring layout, parentheses and JSX whitespace, with adjacent literals in
 * a `+` chain folded into one: the file must give the same before and after.
 */
function canonical(source) {
  const strip = (node) => {
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    return node;
  };
  const literalItem = (node) => ({ parts: mergeParts(partsOf(node, (e) => print(e))) });
  const print = (node) => {
    node = strip(node);
    if (isTextLiteral(node) && !ts.isTaggedTemplateExpression(node.parent))
      return `S${JSON.stringify(literalItem(node).parts)}`;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const operands = [];
      let left = node;
      while (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        operands.unshift(left.right);
        left = strip(left.left);
      }
      operands.unshift(left);
      const items = [];
      for (const operand of operands.map(strip)) {
        const last = items[items.length - 1];
        if (isTextLiteral(operand) && last?.parts)
          last.parts = mergeParts([...last.parts, ...literalItem(operand).parts]);
        else items.push(isTextLiteral(operand) ? literalItem(operand) : { other: print(operand) });
      }
      const printed = items.map((item) => (item.parts ? `S${JSON.stringify(item.parts)}` : item.other));
      return printed.length === 1 ? printed[0] : `ADD(${printed.join(',')})`;
    }
    if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      const opening = ts.isJsxElement(node) ? print(node.openingElement) : '<>';
      return `JSX(${opening};${jsxChildren(node.children).join(';')})`;
    }
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (ts.isNumericLiteral(node) || ts.isBigIntLiteral(node)) return `N${node.text}`;
    if (ts.isRegularExpressionLiteral(node)) return `R${node.text}`;
    if (ts.isLiteralKind(node.kind) || ts.isTemplateLiteralKind(node.kind))
      return `${ts.SyntaxKind[node.kind]}${JSON.stringify(node.text)}`;
    const extra = ['operator', 'keywordToken', 'token']
      .filter((key) => typeof node[key] === 'number')
      .map((key) => node[key]);
    if (ts.isVariableDeclarationList(node)) extra.push(node.flags & ts.NodeFlags.BlockScoped);
    const children = [];
    ts.forEachChild(node, (child) => {
      children.push(print(child));
    });
    return `${ts.SyntaxKind[node.kind]}${extra.length ? `#${extra.join('#')}` : ''}(${children.join(',')})`;
  };
  /** JSX children as React reads them: text lines trimmed and joined with a space, `{' '}` as text. */
  const jsxChildren = (children) => {
    const out = [];
    const pushText = (text) => {
      if (text === '') return;
      if (typeof out[out.length - 1] === 'object') out[out.length - 1].text += text;
      else out.push({ text });
    };
    for (const child of children) {
      if (ts.isJsxText(child)) {
        // Babel's and TypeScript's rule: lines trimmed (not the outer ends), empty ones dropped, joined by a space.
        const lines = child.text.split(/\r\n|\n|\r/);
        const lastFilled = lines.findLastIndex((line) => /[^ \t]/.test(line));
        let text = '';
        lines.forEach((line, i) => {
          let trimmed = line.replace(/\t/g, ' ');
          if (i !== 0) trimmed = trimmed.replace(/^[ ]+/, '');
          if (i !== lines.length - 1) trimmed = trimmed.replace(/[ ]+$/, '');
          if (trimmed) text += i === lastFilled ? trimmed : `${trimmed} `;
        });
        pushText(text);
      } else if (ts.isJsxExpression(child) && child.expression && isJsxSpace(child.expression))
        pushText(child.expression.text);
      else out.push(print(child));
    }
    return out.map((item) => (typeof item === 'object' ? `T${JSON.stringify(item.text)}` : item));
  };
  return print(source);
}

/** Splits the long literals of one file; returns the new text and what could not be fixed. */
async function wrapFile(file) {
  const original = readFileSync(file, 'utf8');
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  const base = await prettier.format(original, options);
  const baseSource = parse(file, base);
  const baseLiterals = literalsOf(baseSource);
  const plans = new Map(); // index in baseLiterals -> { params, anatomy, pieces }
  const refused = new Map(); // index -> reason

  /** Literals on a line over WIDTH in `text`, by index in `literals`. */
  const onLongLines = (source, literals) => {
    const lines = source.text.split('\n');
    const long = new Set(lines.flatMap((line, i) => (width(line) > WIDTH ? [i] : [])));
    const hits = [];
    literals.forEach((node, index) => {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      for (let line = first; line <= last; line++) if (long.has(line)) return hits.push(index);
    });
    return hits;
  };
  const columnOf = (source, pos) => {
    const { line, character } = source.getLineAndCharacterOfPosition(pos);
    const lineText = source.text.split('\n')[line];
    return { line, column: width(lineText.slice(0, character)), lineText };
  };
  /** Where a literal or its pieces sit in `source`: first column, next pieces' column, columns after the last. */
  const observe = (source, nodes, previous) => {
    const head = columnOf(source, nodes[0].getStart());
    const indent = /^ */.exec(head.lineText)[0].length;
    const tail = source.getLineAndCharacterOfPosition(nodes[nodes.length - 1].end);
    const tailLine = source.text.split('\n')[tail.line];
    const suffix = width(tailLine.slice(tail.character).trimEnd());
    let next = previous?.next ?? indent + 4;
    if (nodes.length > 1) {
      const second = columnOf(source, nodes[1].getStart());
      if (second.line !== head.line) next = second.column;
    }
    return { first: head.column, next, suffix, indent };
  };

  const addCandidates = (source, literals, toBase) => {
    let added = 0;
    for (const index of onLongLines(source, literals)) {
      const baseIndex = toBase[index];
      if (baseIndex === undefined || plans.has(baseIndex) || refused.has(baseIndex)) continue;
      const node = baseLiterals[baseIndex];
      const reason = refusal(node);
      if (reason) {
        refused.set(baseIndex, reason);
        continue;
      }
      // A literal inside another candidate (a string in a template's ${…}) waits: it is refused anyway.
      const seen = observe(source, [literals[index]]);
      // Guess: Prettier will move the pieces to a line of their own, one level in, the next two more.
      const params = {
        first: Math.min(seen.first, seen.indent + 2),
        next: seen.indent + 4,
        suffix: seen.suffix > 3 ? 1 : seen.suffix,
      };
      plans.set(baseIndex, { params, anatomy: anatomyOf(node), pieces: undefined, fits: true });
      added++;
    }
    return added;
  };

  const identity = baseLiterals.map((_, i) => i);
  if (addCandidates(baseSource, baseLiterals, identity) === 0 && plans.size === 0)
    return { base, text: base, refused, plans, rounds: 0 };

  let best;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let changed = false;
    for (const plan of plans.values()) {
      const { pieces, fits } = balancedCut(plan.anatomy, plan.params);
      if (JSON.stringify(pieces) !== JSON.stringify(plan.pieces)) changed = true;
      plan.pieces = pieces;
      plan.fits = fits;
    }
    if (!changed && best) break;
    // Build the text from the formatted base with every plan's pieces, last first so offsets hold.
    let text = base;
    const ordered = [...plans.entries()].sort((a, b) => b[0] - a[0]);
    for (const [index, plan] of ordered) {
      if (plan.pieces.length < 2) continue;
      const node = baseLiterals[index];
      const replacement = replacementFor(node, plan.anatomy, plan.pieces, plan.params.next);
      text = text.slice(0, node.getStart()) + replacement + text.slice(node.end);
    }
    const formatted = await prettier.format(text, options);
    const source = parse(file, formatted);
    const literals = literalsOf(source);
    // Map the formatted file's literals back: a split literal became pieces.length literals in a row.
    const toBase = [];
    const firstOf = new Map();
    baseLiterals.forEach((_, index) => {
      const count = Math.max(1, plans.get(index)?.pieces?.length ?? 1);
      firstOf.set(index, toBase.length);
      for (let i = 0; i < count; i++) toBase.push(index);
    });
    if (toBase.length !== literals.length) throw new Error(`${file}: Prettier changed the number of literals`);
    const longLines = formatted.split('\n').filter((line) => width(line) > WIDTH).length;
    if (!best || longLines <= best.longLines) best = { text: formatted, longLines, pieces: snapshot(plans) };
    for (const [index, plan] of plans) {
      const at = firstOf.get(index);
      const nodes = literals.slice(at, at + Math.max(1, plan.pieces.length));
      const shape = (list) => JSON.stringify(mergeParts(list.flatMap((node) => partsOf(node, () => '$'))));
      if (shape(nodes) !== shape([baseLiterals[index]]))
        throw new Error(`literal ${index} lost after formatting: ${shape([baseLiterals[index]])} -> ${shape(nodes)}`);
      plan.params = observe(source, nodes, plan.params);
    }
    addCandidates(source, literals, toBase);
  }
  restore(plans, best.pieces);
  return { base, text: best.text, refused, plans, rounds: MAX_ROUNDS };
}

const snapshot = (plans) =>
  new Map([...plans].map(([index, plan]) => [index, { pieces: plan.pieces, fits: plan.fits }]));
function restore(plans, saved) {
  for (const [index, plan] of plans)
    Object.assign(plan, saved.get(index) ?? { pieces: [plan.anatomy.raw], fits: false });
}

/** Lines still over WIDTH, with what holds them there (line numbers of the new text, also with --check). */
function remainingOf(file, text) {
  const source = parse(file, text);
  const literals = literalsOf(source);
  const reasons = new Map();
  const commentLines = new Set();
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      reasons.set(line, 'regular expression');
    }
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ]) {
      const first = source.getLineAndCharacterOfPosition(range.pos).line;
      const last = source.getLineAndCharacterOfPosition(range.end).line;
      for (let l = first; l <= last; l++) commentLines.add(l);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const node of literals) {
    const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
    const last = source.getLineAndCharacterOfPosition(node.end).line;
    const reason = refusal(node);
    const { cuts } = anatomyOf(node);
    const why =
      reason ?? (cuts.length === 0 ? 'string with no space to cut at (a URL, a path, a selector)' : undefined);
    for (let l = first; l <= last; l++) if (why && !reasons.has(l)) reasons.set(l, why);
    for (let l = first; l <= last; l++)
      if (!reasons.has(l) && ts.isTemplateExpression(node))
        reasons.set(l, 'template: the long part is a ${…} or one word');
  }
  return text.split('\n').flatMap((line, i) => {
    if (width(line) <= WIDTH) return [];
    const what =
      reasons.get(i) ??
      (commentLines.has(i)
        ? 'comment (scripts/wrap-comments.mjs)'
        : /['"`]/.test(line)
          ? 'string: no cut fits'
          : 'code');
    return [`${file}:${i + 1}: ${width(line)} columns, ${what}: ${line.trim().slice(0, 50)}…`];
  });
}

function changedLines(before, after) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wrap-strings-'));
  try {
    writeFileSync(path.join(dir, 'a'), before);
    writeFileSync(path.join(dir, 'b'), after);
    const diff = spawnSync('diff', [path.join(dir, 'a'), path.join(dir, 'b')], { encoding: 'utf8' }).stdout;
    return diff.split('\n').filter((line) => line.startsWith('< ')).length;
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const targets = args.filter((arg) => arg !== '--check');
if (targets.length === 0) {
  console.error('usage: node scripts/wrap-strings.mjs [--check] <file or folder>...');
  process.exit(2);
}
const changed = [];
const remaining = [];
let failures = 0;
let totalLines = 0;
let totalSplit = 0;
for (const file of targets.flatMap(filesUnder)) {
  const info = await prettier.getFileInfo(path.resolve(file), { ignorePath: path.join(ROOT, '.prettierignore') });
  if (info.ignored || !info.inferredParser) continue;
  const original = readFileSync(file, 'utf8');
  if (!original.split('\n').some((line) => width(line) > WIDTH)) continue;
  let result;
  try {
    result = await wrapFile(file);
  } catch (error) {
    failures++;
    console.log(`${file}: left as it is: ${error.message}`);
    continue;
  }
  const { base, text } = result;
  const [treeBefore, treeAfter] = [canonical(parse(file, base)), canonical(parse(file, text))];
  if (treeBefore !== treeAfter) {
    failures++;
    console.log(`${file}: left as it is: the syntax tree would change (a bug in this script)`);
    continue;
  }
  remaining.push(...remainingOf(file, text));
  if (text === original) continue;
  const split = [...result.plans.values()].filter((plan) => plan.pieces?.length > 1).length;
  const lines = changedLines(original, text);
  totalLines += lines;
  totalSplit += split;
  changed.push(file);
  const note = base !== original ? ' (the file was not Prettier-formatted: that is included)' : '';
  console.log(`${check ? 'would change' : 'changed'} ${file}: ${split} literal(s) split, ${lines} line(s)${note}`);
  if (!check) writeFileSync(file, text);
}
console.log(
  `${check ? 'would split' : 'split'} ${totalSplit} literal(s) ` +
    `in ${changed.length} file(s), ${totalLines} line(s) changed`,
);
if (remaining.length > 0) console.log(`lines still over ${WIDTH} columns:\n${remaining.join('\n')}`);
if (changed.length > 0 && !check)
  console.log(`next: node scripts/wrap-comments.mjs ${changed.join(' ')} && npx prettier --write ${changed.join(' ')}`);
process.exit(failures > 0 ? 2 : check && changed.length > 0 ? 1 : 0);
