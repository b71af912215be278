import Ajv, { KeywordDefinition } from 'ajv';
import addFormats from 'ajv-formats';
import { Dec, toDecimal } from './decimal';

/*
 * The Ajv set-up shared by every compiled form (and usable as is in a browser): the formats the
 * field types need and two keywords for bounds on decimal strings, which JSON Schema's own
 * minimum/maximum cannot express without going through a float.
 */

function decimalBound(keyword: 'decimalMinimum' | 'decimalMaximum'): KeywordDefinition {
  return {
    keyword,
    type: 'string',
    schemaType: 'string',
    errors: false,
    validate: (bound: string, data: string) => {
      const value = toDecimal(data);
      if (!value) return true; // the pattern reports a malformed number
      return keyword === 'decimalMinimum' ? value.gte(new Dec(bound)) : value.lte(new Dec(bound));
    },
  };
}

export function createFormAjv(): Ajv {
  // allErrors: a preparer fixes a whole form at once, so every problem is reported, not the first.
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, useDefaults: false, messages: false });
  addFormats(ajv, ['date', 'email', 'uuid']);
  ajv.addKeyword(decimalBound('decimalMinimum'));
  ajv.addKeyword(decimalBound('decimalMaximum'));
  return ajv;
}
