import { ApprovalRecord } from '../approvals/approval-record.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Department } from '../departments/department.entity';
import { FormOverlay, FormVersion } from '../forms/form-version.entity';
import { MasterDataItem } from '../master-data/master-data-item.entity';
import { ProjectDocument } from '../projects/document.entity';
import { Project } from '../projects/project.entity';
import { Operator } from '../platform/operator.entity';
import { ProvisioningRun } from '../provisioning/provisioning-run.entity';
import { TenantDomain } from '../tenancy/tenant-domain.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

/** Every entity of the one shared DataSource: platform ones are schema-qualified, tenant ones are not. */
export const entities = [
  Tenant,
  TenantDomain,
  Operator,
  ProvisioningRun,
  User,
  Department,
  AuditEntry,
  MasterDataItem,
  FormVersion,
  FormOverlay,
  Project,
  ProjectDocument,
  ApprovalRecord,
];
