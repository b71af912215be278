import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CompiledForm } from './compile';
import { FormValidator } from './form-validator';

/**
 * Compiled validators, built once per form version and shared by every request. Keyed by the
 * version's content hash: identical versions (every province on the untouched base form) share
 * one validator. Least recently used entries go first when the cache is full.
 */
@Injectable()
export class ValidatorCache {
  private readonly entries = new Map<string, FormValidator>();

  constructor(private readonly config: AppConfig) {}

  peek(contentHash: string): FormValidator | undefined {
    const hit = this.entries.get(contentHash);
    if (hit) {
      this.entries.delete(contentHash);
      this.entries.set(contentHash, hit);
    }
    return hit;
  }

  obtain(contentHash: string, compiled: CompiledForm): FormValidator {
    const hit = this.peek(contentHash);
    if (hit) return hit;
    const validator = new FormValidator(compiled);
    this.entries.set(contentHash, validator);
    while (this.entries.size > this.config.formValidatorCacheSize)
      this.entries.delete(this.entries.keys().next().value as string);
    return validator;
  }

  get size(): number {
    return this.entries.size;
  }
}
