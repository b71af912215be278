import { BadRequestException, Injectable } from '@nestjs/common';
import Ajv from 'ajv';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ROLES } from '../auth/permissions';
import { DaftarStore } from '../tenancy/tenant-context';
import { TenantDatabase } from '../tenancy/tenant-database.service';
import { DEFAULT_WORKFLOW, WorkflowConfig, workflowProblems } from './workflow-config';

const id = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' };
const localized = {
  type: 'object', additionalProperties: false, required: ['en', 'ur'],
  properties: { en: { type: 'string', minLength: 1, maxLength: 200 }, ur: { type: 'string', minLength: 1, maxLength: 200 } },
};
/** The shape of a workflow configuration (its meaning is checked by workflowProblems). */
const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['initial', 'states', 'actions'],
  properties: {
    initial: id,
    states: {
      type: 'array', minItems: 2, maxItems: 50,
      items: { type: 'object', additionalProperties: false, required: ['id', 'label', 'editable'], properties: { id, label: localized, editable: { type: 'boolean' }, final: { type: 'boolean' } } },
    },
    actions: {
      type: 'array', minItems: 1, maxItems: 100,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'label', 'from', 'to', 'roles'],
        properties: {
          id, label: localized, to: id,
          from: { type: 'array', maxItems: 50, items: id },
          roles: { type: 'array', maxItems: 10, items: { enum: [...ROLES] } },
          commentRequired: { type: 'boolean' }, attachmentRequired: { type: 'boolean' }, requiresValid: { type: 'boolean' },
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

/** A province's workflow configuration: versioned, the newest in force. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  static async install(em: EntityManager): Promise<void> {
    await em.query(`INSERT INTO workflow_configs (version, config, notes) VALUES (1, $1, 'Default workflow') ON CONFLICT DO NOTHING`, [JSON.stringify(DEFAULT_WORKFLOW)]);
  }

  static async current(em: EntityManager): Promise<VersionedWorkflow> {
    const [row] = await em.query(`SELECT version, config FROM workflow_configs ORDER BY version DESC LIMIT 1`);
    if (!row) throw new Error('this province has no workflow configuration (run: npm run cli -- defaults:install <slug>)');
    return { version: row.version, config: row.config };
  }

  get(): Promise<VersionedWorkflow> {
    return this.db.transaction((em) => WorkflowService.current(em));
  }

  /** Replaces the workflow with a checked configuration; documents keep their current state. */
  update(body: unknown, notes: string | undefined): Promise<VersionedWorkflow> {
    if (!validateShape(body)) {
      const problems = (validateShape.errors ?? []).map((e) =>
        e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}: unknown property` : `${e.instancePath || '/'}: ${e.message}`,
      );
      throw new BadRequestException({ message: problems });
    }
    const config = body as unknown as WorkflowConfig;
    const problems = workflowProblems(config);
    if (problems.length) throw new BadRequestException({ message: problems });
    return this.db.transaction(async (em) => {
      await em.query(`LOCK TABLE workflow_configs IN EXCLUSIVE MODE`);
      const current = await WorkflowService.current(em);
      // States that documents are in must survive, or those documents would be stranded.
      const inUse: { state: string }[] = await em.query(`SELECT DISTINCT state FROM documents`);
      const missing = inUse.map((r) => r.state).filter((s) => !config.states.some((x) => x.id === s));
      if (missing.length) throw new BadRequestException({ message: [`documents are in state(s) ${missing.join(', ')}, which the new workflow drops`] });
      const version = current.version + 1;
      await em.query(`INSERT INTO workflow_configs (version, config, notes, created_by) VALUES ($1, $2, $3, $4)`, [version, JSON.stringify(config), notes ?? null, this.cls.get('principal')?.id ?? null]);
      await this.audit.record(em, { action: 'workflow.updated', targetType: 'workflow', targetId: String(version), details: { states: config.states.length, actions: config.actions.length } });
      return { version, config };
    });
  }
}
