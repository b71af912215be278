import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { UsersService } from '../users/users.service';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { compileForm, CompileResult, MasterSnapshot } from './compile';
import { FormDefinition, Locale, LOCALES } from './definition';
import { checkOverlayShape } from './definition-schema';
import { diffDefinitions } from './diff';
import { FormCatalogue } from './form-catalogue.service';
import { FormEditionsRepository } from './form-editions.repository';
import { FormsRepository } from './forms.repository';
import { FormOverlay, FormVersion } from './form-version.entity';
import { localizeCompiled } from './form-view';
import { FormValidation, FormValidator } from './form-validator';
import { emptyOverlay, Overlay, OverlayConflict } from './overlay';
import { ValidatorCache } from './validator-cache.service';

/** Compile results kept for reuse (one per form × distinct overlay and master data). */
const COMPILE_CACHE_SIZE = 64;

/** 'current' or a version number. */
export type VersionRef = number | 'current';

export interface SavedOverlay extends Overlay {
  formKey: string;
  revision: number;
  updatedAt: Date | null;
}

/**
 * A province's forms: the base catalogue as customised by its overlays, published as immutable
 * versions, and validation of data against any version. Everything runs in the province's unit
 * of work (TenantDatabase), so one province never sees another's overlays or versions.
 */
@Injectable()
export class FormsService {
  private readonly compiles = new Map<string, CompileResult>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly catalogue: FormCatalogue,
    private readonly validators: ValidatorCache,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
    private readonly editionChoices: FormEditionsRepository,
    private readonly masterData: MasterDataService,
    private readonly users: UsersService,
    private readonly repository: FormsRepository,
  ) {}

  // --- reading ----------------------------------------------------------------------------------

  async list(locale: Locale) {
    const rows = await this.repository.currentVersions();
    const current = new Map(rows.map((r) => [r.form_key, r]));
    return this.catalogue.keys().map((key) => {
      const latest = this.catalogue.latest(key)!;
      const version = current.get(key);
      const edition = this.catalogue.edition(key);
      return {
        key,
        family: latest.family,
        variant: latest.variant ?? null,
        proforma: edition.proforma,
        edition: { id: edition.id, label: edition.label[locale] },
        title: latest.title[locale],
        currentVersion: version
          ? {
              id: version.id,
              number: version.number,
              baseVersion: version.base_version,
              publishedAt: version.published_at,
            }
          : null,
        latestBaseVersion: latest.version,
        upgradeAvailable: version ? version.base_version !== latest.version : false,
      };
    });
  }

  async version(key: string, ref: VersionRef, locale: Locale) {
    const version = await this.db.transaction((em) => this.findVersion(em, key, ref));
    return { ...this.summary(version), ...localizeCompiled(version.compiled, locale) };
  }

  async history(key: string) {
    this.base(key);
    const versions = await this.db.transaction((em) => this.repository.history(em, key));
    return versions.map((v) => ({ ...this.summary(v), operations: v.overlay.operations.length }));
  }

  async diff(key: string, from: VersionRef, to: VersionRef) {
    const [a, b] = await this.db.transaction(async (em) => [
      await this.findVersion(em, key, from),
      await this.findVersion(em, key, to),
    ]);
    return {
      formKey: key,
      from: this.summary(a),
      to: this.summary(b),
      changes: diffDefinitions(a.compiled.definition, b.compiled.definition),
    };
  }

  /** Validates without saving; the compiled validator is built once per version and cached. */
  async validate(
    key: string,
    ref: VersionRef,
    payload: unknown,
    locale: Locale,
  ): Promise<FormValidation & { version: { id: string; number: number } }> {
    // Hold the cached validator itself: a second look-up could miss if it were evicted meanwhile.
    const { id, number, validator } = await this.db.transaction(async (em) => {
      const head = await this.findVersion(em, key, ref, false);
      const cached = this.validators.peek(head.contentHash);
      if (cached) return { ...head, validator: cached };
      const full = await this.findVersion(em, key, head.number);
      return { ...full, validator: this.validators.obtain(full.contentHash, full.compiled) };
    });
    return { ...validator.validate(payload, locale), version: { id, number } };
  }

  /**
   * The cached validator of a version by id, inside the caller's unit of work (documents are
   * pinned to a version id); the version's content is read only when the cache lacks it.
   */
  async validatorFor(em: EntityManager, versionId: string): Promise<{ validator: FormValidator; number: number }> {
    const head = await this.repository.versionHead(em, versionId);
    if (!head) throw new NotFoundException(`No form version ${versionId} in this province`);
    const hit = this.validators.peek(head.content_hash);
    if (hit) return { validator: hit, number: head.number };
    const compiled = await this.repository.versionCompiled(em, versionId);
    return { validator: this.validators.obtain(head.content_hash, compiled), number: head.number };
  }

  /** The current version of a form in this province (id and number). */
  async currentVersion(
    em: EntityManager,
    key: string,
  ): Promise<{ id: string; number: number; definition: FormDefinition }> {
    const version = await this.findVersion(em, key, 'current');
    return { id: version.id, number: version.number, definition: version.compiled.definition };
  }

  /** Which of these forms have a published version in this province, in one query (caller's unit of work). */
  installedForms(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    return this.editionChoices.installed(em, [...keys]);
  }

  /** query ?locale=, then Accept-Language, then the signed-in user's own setting. */
  async resolveLocale(query: string | undefined, acceptLanguage: string | undefined): Promise<Locale> {
    if (query !== undefined) {
      if (!(LOCALES as readonly string[]).includes(query))
        throw new BadRequestException({ message: [`locale must be one of ${LOCALES.join(', ')}`] });
      return query as Locale;
    }
    const tag = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (tag && (LOCALES as readonly string[]).includes(tag)) return tag as Locale;
    const principal = this.cls.get('principal');
    if (principal?.kind !== 'user') return 'en';
    // One read statement, no transaction of its own: a save or an action reads it before its unit of work.
    return (await this.users.localeOf(principal.id)) ?? 'en';
  }

  // --- editions ---------------------------------------------------------------------------------

  /**
   * Every proforma with its editions and the one this province's new projects start on. An
   * edition not yet installed in the province (a release added it; `cli migrate` installs it)
   * is listed but cannot be chosen or started.
   */
  async editions(locale: Locale) {
    return this.db.transaction(async (em) => {
      const chosen = await this.editionChoices.chosen(em);
      const installed = await this.editionChoices.installed(em, this.catalogue.keys());
      return this.catalogue.proformae().map((proforma) => {
        const editions = this.catalogue.editionsOf(proforma);
        const newest = this.catalogue.latest(editions[0].key)!;
        return {
          proforma,
          family: newest.family,
          variant: newest.variant ?? null,
          title: newest.title[locale],
          current: this.currentEditionKey(proforma, chosen),
          chosen: chosen.has(proforma),
          editions: editions.map(({ key, edition }) => ({
            key,
            edition: edition.id,
            label: edition.label[locale],
            source: this.catalogue.latest(key)!.source.document,
            installed: installed.has(key),
          })),
        };
      });
    });
  }

  /** Chooses the edition new projects of a proforma start on (documents already made keep theirs). */
  async chooseEdition(proforma: string, formKey: string) {
    const editions = this.catalogue.editionsOf(proforma);
    if (!editions.length)
      throw new NotFoundException(`No proforma "${proforma}"; proformae are ${this.catalogue.proformae().join(', ')}`);
    if (!editions.some((e) => e.key === formKey)) {
      throw new BadRequestException({
        message: [
          `formKey: ${proforma} has the editions ${editions.map((e) => `${e.key} (${e.edition.id})`).join(', ')}`,
        ],
      });
    }
    return this.db.transaction(async (em) => {
      if (!(await this.editionChoices.installed(em, [formKey])).size) {
        throw new ConflictException(
          `${formKey} is not installed in this province yet; ` +
            `an operator installs new catalogue forms with \`npm run migrate\``,
        );
      }
      await this.editionChoices.choose(em, proforma, formKey, this.actorId());
      await this.audit.record(em, {
        action: 'form.edition-chosen',
        targetType: 'form',
        targetId: proforma,
        details: { formKey, edition: this.catalogue.edition(formKey).id },
      });
      return { proforma, current: formKey, edition: this.catalogue.edition(formKey).id };
    });
  }

  /**
   * The form a new project starts on, in the caller's unit of work: `formKey` names a proforma
   * (its province-chosen edition) or one edition; `edition` ('2005', '2024' …) picks an edition
   * of the proforma explicitly, for documents of older projects.
   */
  async startingForm(
    em: EntityManager,
    formKey: string,
    edition: string | undefined,
  ): Promise<{ key: string; edition: string }> {
    const proforma = this.catalogue.edition(formKey).proforma;
    const editions = this.catalogue.editionsOf(proforma);
    let key: string;
    if (edition !== undefined) {
      const match = editions.find((e) => e.edition.id === edition);
      if (!match)
        throw new BadRequestException({
          message: [`edition: ${proforma} has the editions ${editions.map((e) => e.edition.id).join(', ')}`],
        });
      key = match.key;
    } else {
      key = formKey === proforma ? this.currentEditionKey(proforma, await this.editionChoices.chosen(em)) : formKey;
    }
    if (!(await this.editionChoices.installed(em, [key])).size) {
      throw new ConflictException(
        `${key} (edition ${this.catalogue.edition(key).id}) is not installed in this province yet; ` +
          `an operator installs new catalogue forms with \`npm run migrate\``,
      );
    }
    return { key, edition: this.catalogue.edition(key).id };
  }

  /** The edition of a form (documents record it). */
  editionOf(formKey: string): string {
    return this.catalogue.edition(formKey).id;
  }

  private currentEditionKey(proforma: string, chosen: Map<string, string>): string {
    return chosen.get(proforma) ?? this.catalogue.editionsOf(proforma)[0].key;
  }

  // --- customising ------------------------------------------------------------------------------

  async overlay(key: string): Promise<SavedOverlay> {
    this.base(key);
    return this.db.transaction((em) => this.loadOverlay(em, key));
  }

  /** Replaces the working overlay after checking it; nothing is published until publish(). */
  async saveOverlay(
    key: string,
    body: unknown,
    expectedRevision?: number,
  ): Promise<SavedOverlay & { warnings: string[] }> {
    const overlay = this.parseOverlay(body);
    return this.db.transaction(async (em) => {
      const result = await this.compileIn(em, key, overlay);
      if (result.conflicts.length) throw this.refused(result.conflicts);
      const current = await this.lockOverlay(em, key);
      if (expectedRevision !== undefined && current.revision !== expectedRevision) {
        throw new ConflictException(
          `The overlay was changed by someone else (revision ${current.revision}, ` +
            `yours ${expectedRevision}); reload it and apply your change again`,
        );
      }
      const saved = await this.repository.saveOverlay(em, {
        formKey: key,
        baseVersion: overlay.baseVersion,
        operations: overlay.operations,
        revision: current.revision + 1,
        updatedBy: this.actorId(),
        updatedAt: new Date(),
      });
      await this.audit.record(em, {
        action: 'form.overlay-saved',
        targetType: 'form',
        targetId: key,
        details: { baseVersion: overlay.baseVersion, operations: overlay.operations.length, revision: saved.revision },
      });
      return { ...this.toSaved(saved), warnings: result.warnings };
    });
  }

  /** The compiled result of an overlay (the body's, or the saved one) without publishing it. */
  async preview(key: string, body: unknown | undefined, locale: Locale) {
    return this.db.transaction(async (em) => {
      const overlay = body === undefined ? await this.loadOverlay(em, key) : this.parseOverlay(body);
      const result = await this.compileIn(em, key, overlay);
      const current = await this.findVersion(em, key, 'current', false).catch(() => undefined);
      return {
        contentHash: result.contentHash,
        conflicts: result.conflicts,
        warnings: result.warnings,
        unchangedFrom: current?.contentHash === result.contentHash ? current.number : null,
        compiled: localizeCompiled(result.compiled, locale),
      };
    });
  }

  /** Compiles the saved overlay with today's master data into the next immutable version. */
  async publish(key: string, notes: string | undefined) {
    return this.db.transaction(async (em) => {
      const overlay = await this.lockOverlay(em, key);
      const result = await this.compileIn(em, key, overlay);
      if (result.conflicts.length) throw this.refused(result.conflicts);
      const version = await this.insertVersion(em, key, overlay, result, notes ?? null);
      await this.audit.record(em, {
        action: 'form.published',
        targetType: 'form',
        targetId: key,
        details: { number: version.number, contentHash: version.contentHash, baseVersion: version.baseVersion },
      });
      return { ...this.summary(version), warnings: result.warnings };
    });
  }

  /** What re-applying the overlay to another base version (default: the newest) would give. */
  async upgradePreview(key: string, to: string | undefined) {
    return this.db.transaction(async (em) => {
      const overlay = await this.loadOverlay(em, key);
      const target = this.targetBase(key, to);
      const result = await this.compileIn(em, key, { baseVersion: target.version, operations: overlay.operations });
      return {
        formKey: key,
        from: overlay.baseVersion,
        to: target.version,
        conflicts: result.conflicts,
        warnings: result.warnings,
        changes: diffDefinitions(this.base(key, overlay.baseVersion), target),
      };
    });
  }

  /**
   * Moves the working overlay to another base version. Operations that no longer apply are
   * refused (409, listed) unless the admin drops them explicitly. Published versions are not
   * touched: the province keeps using its current version until its admin publishes.
   */
  async upgrade(
    key: string,
    to: string | undefined,
    dropConflicting: boolean,
  ): Promise<SavedOverlay & { dropped: OverlayConflict[] }> {
    return this.db.transaction(async (em) => {
      const overlay = await this.lockOverlay(em, key);
      const target = this.targetBase(key, to);
      const result = await this.compileIn(em, key, { baseVersion: target.version, operations: overlay.operations });
      if (result.conflicts.length && !dropConflicting) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message:
            `${result.conflicts.length} overlay operation(s) no longer apply to ${key} ${target.version}; ` +
            `fix them or upgrade with dropConflicting`,
          conflicts: result.conflicts,
        });
      }
      const dropped = new Set(result.conflicts.map((c) => c.index));
      const saved = await this.repository.saveOverlay(em, {
        formKey: key,
        baseVersion: target.version,
        operations: overlay.operations.filter((_, i) => !dropped.has(i)),
        revision: overlay.revision + 1,
        updatedBy: this.actorId(),
        updatedAt: new Date(),
      });
      await this.audit.record(em, {
        action: 'form.overlay-upgraded',
        targetType: 'form',
        targetId: key,
        details: { from: overlay.baseVersion, to: target.version, dropped: result.conflicts },
      });
      return { ...this.toSaved(saved), dropped: result.conflicts };
    });
  }

  // --- installing (provisioning, CLI) -----------------------------------------------------------

  /**
   * Gives a province every base form it does not have yet: an empty overlay on the newest base
   * version and version 1 compiled with its master data. Idempotent; runs in the caller's
   * transaction (provisioning's, or the CLI's).
   */
  async installMissing(em: EntityManager): Promise<string[]> {
    // Few round trips: provisioning many provinces spends its time here.
    const present = await this.repository.formKeys(em);
    const missing = this.catalogue.keys().filter((k) => !present.has(k));
    if (!missing.length) return [];
    await this.repository.insertEmptyOverlays(
      em,
      missing,
      missing.map((k) => this.base(k).version),
    );
    const overlays = new Map<string, Overlay>(
      (await this.repository.lockOverlays(em, missing)).map((r) => [
        r.form_key,
        { baseVersion: r.base_version, operations: r.operations },
      ]),
    );
    const master = await this.masterData.snapshot(em);
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const rows = missing.map((key) => {
      const overlay = overlays.get(key)!;
      const result = this.compileWith(key, overlay, master);
      if (result.conflicts.length)
        throw new Error(
          `${key}: the saved overlay does not apply: ${result.conflicts.map((c) => c.reason).join('; ')}`,
        );
      return {
        formKey: key,
        number: 1,
        baseVersion: overlay.baseVersion,
        overlay,
        compiled: result.compiled,
        contentHash: result.contentHash,
        publishedBy: principal?.id ?? null,
        publisherType: principal?.kind ?? ('system' as const),
        notes: 'Base catalogue installed',
      };
    });
    // One multi-row INSERT: provisioning many provinces spends its time here.
    await this.repository.insertVersions(em, rows);
    return missing;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private base(key: string, version?: string): FormDefinition {
    const def = version ? this.catalogue.get(key, version) : this.catalogue.latest(key);
    if (!def) {
      if (!this.catalogue.has(key))
        throw new NotFoundException(`No form "${key}"; forms are ${this.catalogue.keys().join(', ')}`);
      throw new BadRequestException({
        message: [
          `baseVersion: ${key} has no base version ${version}; versions are ${this.catalogue.versions(key).join(', ')}`,
        ],
      });
    }
    return def;
  }

  private targetBase(key: string, to: string | undefined): FormDefinition {
    return this.base(key, to);
  }

  private parseOverlay(body: unknown): Overlay {
    const problems = checkOverlayShape(body);
    if (problems.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => `${p.pointer}: ${p.message}`),
        problems,
      });
    }
    return body as Overlay;
  }

  private refused(conflicts: OverlayConflict[]) {
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: conflicts.map((c) => `operations/${c.index} (${c.op}${c.target ? ` ${c.target}` : ''}): ${c.reason}`),
      conflicts,
    });
  }

  /**
   * Compiles with the province's master data. Results are memoised by their inputs: provinces
   * on the same base, overlay and master data (every new province with the default lists) share
   * one compile, which keeps provisioning many provinces cheap.
   */
  private async compileIn(em: EntityManager, key: string, overlay: Overlay): Promise<CompileResult> {
    return this.compileWith(key, overlay, await this.masterData.snapshot(em));
  }

  private compileWith(key: string, overlay: Overlay, master: MasterSnapshot): CompileResult {
    const base = this.base(key, overlay.baseVersion);
    const inputs = createHash('sha256')
      .update(stringify({ key, baseVersion: base.version, operations: overlay.operations, master }) as string)
      .digest('hex');
    const hit = this.compiles.get(inputs);
    if (hit) return hit;
    const result = compileForm(base, { baseVersion: base.version, operations: overlay.operations }, master);
    this.compiles.set(inputs, result);
    if (this.compiles.size > COMPILE_CACHE_SIZE) this.compiles.delete(this.compiles.keys().next().value as string);
    return result;
  }

  private async loadOverlay(em: EntityManager, key: string): Promise<SavedOverlay> {
    const row = await this.repository.overlay(em, key);
    if (row) return this.toSaved(row);
    return { formKey: key, ...emptyOverlay(this.base(key).version), revision: 0, updatedAt: null };
  }

  /** The overlay row, created empty if missing, locked so publishes of one form run one at a time. */
  private async lockOverlay(em: EntityManager, key: string): Promise<SavedOverlay> {
    this.base(key);
    await this.repository.insertEmptyOverlays(em, [key], [this.base(key).version]);
    const [row] = await this.repository.lockOverlays(em, [key]);
    return {
      formKey: key,
      baseVersion: row.base_version,
      operations: row.operations,
      revision: row.revision,
      updatedAt: row.updated_at,
    };
  }

  private async insertVersion(
    em: EntityManager,
    key: string,
    overlay: Overlay,
    result: CompileResult,
    notes: string | null,
  ): Promise<FormVersion> {
    const last = await this.repository.lastVersion(em, key);
    if (last?.content_hash === result.contentHash) {
      throw new ConflictException(
        `Nothing to publish: the result is identical to version ` +
          `${last.number} (content hash ${result.contentHash.slice(0, 12)}…)`,
      );
    }
    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    return this.repository.insertVersion(em, {
      formKey: key,
      number: (last?.number ?? 0) + 1,
      baseVersion: overlay.baseVersion,
      overlay: { baseVersion: overlay.baseVersion, operations: overlay.operations },
      compiled: result.compiled,
      contentHash: result.contentHash,
      publishedBy: principal?.id ?? null,
      publisherType: principal?.kind ?? 'system',
      notes,
    });
  }

  private async findVersion(em: EntityManager, key: string, ref: VersionRef, withContent = true): Promise<FormVersion> {
    this.base(key);
    const version = await this.repository.findVersion(em, key, ref, withContent);
    if (!version)
      throw new NotFoundException(
        ref === 'current'
          ? `${key} has no published version in this province`
          : `${key} has no version ${ref} in this province`,
      );
    return version;
  }

  private summary(v: FormVersion) {
    return {
      id: v.id,
      formKey: v.formKey,
      number: v.number,
      baseVersion: v.baseVersion,
      contentHash: v.contentHash,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
      publisherType: v.publisherType,
      notes: v.notes,
    };
  }

  private toSaved(row: FormOverlay): SavedOverlay {
    return {
      formKey: row.formKey,
      baseVersion: row.baseVersion,
      operations: row.operations,
      revision: row.revision,
      updatedAt: row.updatedAt,
    };
  }

  private actorId(): string | null {
    return this.cls.get('principal')?.id ?? null;
  }

  // --- read for printing (src/printing) ---------------------------------------------------------

  /** A version by id or by form and reference, with what printing needs, in the caller's unit of work. */
  async printableVersion(em: EntityManager, by: { id: string } | { key: string; ref: VersionRef }) {
    const version =
      'id' in by ? await this.repository.versionById(em, by.id) : await this.findVersion(em, by.key, by.ref);
    if (!version) throw new NotFoundException('No such form version in this province');
    return {
      id: version.id,
      formKey: version.formKey,
      number: version.number,
      contentHash: version.contentHash,
      title: version.compiled.title,
      definition: version.compiled.definition,
    };
  }
}
