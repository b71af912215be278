import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import Ajv from 'ajv';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LABEL_TEXT_PATTERN } from '../common/validation';
import { ROLES } from '../tenancy/permissions';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { UsersService } from '../users/users.service';
import { WorkflowConfig, WorkflowIssue, workflowIssues } from './workflow-config';
import { WorkflowRepository } from './workflow.repository';

const id = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' };
const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'ur'],
  properties: {
    en: { type: 'string', minLength: 1, maxLength: 200, pattern: LABEL_TEXT_PATTERN },
    ur: { type: 'string', minLength: 1, maxLength: 200, pattern: LABEL_TEXT_PATTERN },
  },
};
/** The shape of a workflow configuration (its meaning is checked by workflowProblems). */
const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['initial', 'states', 'actions'],
  properties: {
    initial: id,
    states: {
      type: 'array',
      minItems: 2,
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'editable'],
        properties: { id, label: localized, editable: { type: 'boolean' }, final: { type: 'boolean' } },
      },
    },
    actions: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'from', 'to', 'roles'],
        properties: {
          id,
          label: localized,
          to: id,
          from: { type: 'array', maxItems: 50, items: id },
          roles: { type: 'array', maxItems: 10, items: { enum: [...ROLES] } },
          commentRequired: { type: 'boolean' },
          attachmentRequired: { type: 'boolean' },
          requiresValid: { type: 'boolean' },
          decision: { enum: ['approved', 'rejected', 'deferred', 'returned', 'recommended'] },
        },
      },
    },
  },
};
const validateShape = new Ajv({ allErrors: true, strict: true }).compile(configSchema);

export interface VersionedWorkflow {
  version: number;
  config: WorkflowConfig;
}

/** One entry of the workflow's history: who made it, when and why; `inForce` marks the newest. */
export interface WorkflowVersionSummary {
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  notes: string | null;
  inForce: boolean;
}

/** The column's own limit (migration 0006). */
const NOTES_MAX = 2000;
/** Control characters other than tab and newline, and angle brackets (notes are shown in HTML). */
const UNSAFE_NOTES = /[\u0000-\u0008\u000b-\u001f\u007f<>]/;

/** A 400 whose problems say, for an editor, which state or action each concerns. */
function refusal(problems: (Omit<WorkflowIssue, 'code'> & { code: WorkflowIssue['code'] | 'state-in-use' })[]) {
  return new BadRequestException({ message: problems.map((p) => p.message), problems });
}

/** The distinct states the province's documents are in, in the caller's unit of work. */
export type StatesInUse = (em: EntityManager) => Promise<string[]>;

/** A province's workflow configuration: versioned, the newest in force. */
@Injectable()
export class WorkflowService {
  private statesInUse: StatesInUse | null = null;

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
    private readonly repository: WorkflowRepository,
    private readonly users: UsersService,
  ) {}

  /** Installs the default workflow unless the province has one, in the caller's unit of work. */
  install(em: EntityManager): Promise<void> {
    return this.repository.installDefault(em);
  }

  /** The workflow in force, in the caller's unit of work. */
  async current(em: EntityManager): Promise<VersionedWorkflow> {
    const current = await this.repository.current(em);
    if (!current)
      throw new Error('this province has no workflow configuration (run: npm run cli -- defaults:install <slug>)');
    return current;
  }

  /**
   * Where documents are (their states), provided by the module that owns documents: the
   * workflow sits below it (docs/ARCHITECTURE.md, "Layers"), so it is told rather than imports it.
   */
  useStatesInUse(source: StatesInUse): void {
    this.statesInUse = source;
  }

  get(): Promise<VersionedWorkflow> {
    return this.db.transaction((em) => this.current(em));
  }

  /** The history, newest first, with the name of whoever made each version. */
  versions(): Promise<WorkflowVersionSummary[]> {
    return this.db.transaction(async (em) => {
      const rows = await this.repository.versions(em);
      const names = await this.users.namesOf(em, [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))]);
      return rows.map((r, i) => ({
        version: r.version,
        createdAt: new Date(r.createdAt).toISOString(),
        createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? r.createdBy } : null,
        notes: r.notes,
        inForce: i === 0,
      }));
    });
  }

  /** One version with its configuration (404 when this province has no such version). */
  version(version: number): Promise<WorkflowVersionSummary & { config: WorkflowConfig }> {
    return this.db.transaction(async (em) => {
      const row = await this.repository.version(em, version);
      if (!row) throw new NotFoundException(`No workflow version ${version} in this province`);
      const [latest] = await this.repository.versions(em);
      const names = row.createdBy ? await this.users.namesOf(em, [row.createdBy]) : new Map<string, string>();
      return {
        version: row.version,
        createdAt: new Date(row.createdAt).toISOString(),
        createdBy: row.createdBy ? { id: row.createdBy, name: names.get(row.createdBy) ?? row.createdBy } : null,
        notes: row.notes,
        inForce: latest?.version === row.version,
        config: row.config,
      };
    });
  }

  /**
   * Replaces the workflow with a checked configuration; documents keep their current state. The
   * body is the configuration, optionally with `notes` (why) and `baseVersion` (the version the
   * editor started from: a 409 if another administrator saved since, instead of silently undoing
   * their change).
   */
  update(body: unknown): Promise<VersionedWorkflow> {
    const { config: candidate, notes, baseVersion } = this.splitExtras(body);
    if (!validateShape(candidate)) {
      const problems = (validateShape.errors ?? []).map((e) =>
        e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}: unknown property`
          : `${e.instancePath || '/'}: ${e.message}`,
      );
      throw new BadRequestException({ message: problems });
    }
    const config = candidate as unknown as WorkflowConfig;
    const issues = workflowIssues(config);
    if (issues.length) throw refusal(issues);
    return this.db.transaction(async (em) => {
      await this.repository.lock(em);
      const current = await this.current(em);
      if (baseVersion !== null && baseVersion !== current.version) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message:
            `baseVersion: the workflow changed since version ${baseVersion} was loaded (version ${current.version} ` +
            'is in force); reload it and apply your change again',
          currentVersion: current.version,
        });
      }
      // States that documents are in must survive, or those documents would be stranded.
      const inUse = this.statesInUse ? await this.statesInUse(em) : [];
      const missing = inUse.filter((s) => !config.states.some((x) => x.id === s));
      if (missing.length) {
        throw refusal([
          {
            code: 'state-in-use',
            state: missing[0],
            message: `documents are in state(s) ${missing.join(', ')}, which the new workflow drops`,
          },
        ]);
      }
      const version = current.version + 1;
      await this.repository.insert(em, version, config, notes, this.cls.get('principal')?.id ?? null);
      await this.audit.record(em, {
        action: 'workflow.updated',
        targetType: 'workflow',
        targetId: String(version),
        details: { states: config.states.length, actions: config.actions.length, ...(notes ? { notes } : {}) },
      });
      return { version, config };
    });
  }

  /** Takes `notes` and `baseVersion` off the body (the rest must be the configuration alone). */
  private splitExtras(body: unknown): { config: unknown; notes: string | null; baseVersion: number | null } {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return { config: body, notes: null, baseVersion: null };
    }
    const { notes, baseVersion, ...config } = body as { notes?: unknown; baseVersion?: unknown };
    const problems: string[] = [];
    if (notes !== undefined && notes !== null) {
      if (typeof notes !== 'string') problems.push('notes must be text');
      else if (notes.length > NOTES_MAX) problems.push(`notes must be at most ${NOTES_MAX} characters`);
      else if (UNSAFE_NOTES.test(notes)) problems.push('notes must be plain text without control characters or < >');
    }
    const validBase =
      baseVersion === undefined ||
      baseVersion === null ||
      (Number.isInteger(baseVersion) && (baseVersion as number) >= 1);
    if (!validBase) problems.push('baseVersion must be a whole number of 1 or more');
    if (problems.length) throw new BadRequestException({ message: problems });
    const trimmed = typeof notes === 'string' ? notes.trim() : '';
    return { config, notes: trimmed || null, baseVersion: typeof baseVersion === 'number' ? baseVersion : null };
  }
}
