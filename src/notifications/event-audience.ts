import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PublishedEvent } from '../events/events.service';
import { Recipient, UsersService } from '../users/users.service';

/** Roles of a department that hear of its documents' outcomes and reminders (viewers read, they are not told). */
const DEPARTMENT_ROLES = ['preparer', 'reviewer', 'approver'];

/**
 * Who is concerned by a province event: the one place that decides it, so mail and in-app
 * notifications always reach the same people. The actor is never told of their own action.
 * Runs in the publisher's unit of work.
 */
@Injectable()
export class EventAudience {
  constructor(private readonly users: UsersService) {}

  async of(em: EntityManager, event: PublishedEvent): Promise<Recipient[]> {
    switch (event.type) {
      case 'user.invited':
      case 'user.password-reset':
        return this.users.recipientsByIds(em, [event.data.userId]);
      case 'document.submitted':
        // The reviewers concerned: the document's department's, or every reviewer when it has none.
        return without(
          await this.users.recipientsWithRoles(em, ['reviewer'], event.data.departmentId),
          event.data.actorId,
        );
      case 'document.returned':
        return without(await this.users.recipientsByIds(em, [event.data.preparedBy]), event.data.actorId);
      case 'document.forum':
      case 'document.approved':
      case 'document.rejected':
      case 'document.deferred':
        return without(
          await this.preparerAndDepartment(em, event.data.preparedBy, event.data.departmentId),
          event.data.actorId,
        );
      case 'obligation.due':
      case 'obligation.overdue':
        return this.preparerAndDepartment(em, event.data.preparedBy, event.data.departmentId);
      case 'webhook.disabled':
        return this.users.recipientsWithRoles(em, ['tenant_admin'], null);
      default:
        return [];
    }
  }

  private async preparerAndDepartment(
    em: EntityManager,
    preparedBy: string | null,
    departmentId: string | null,
  ): Promise<Recipient[]> {
    const preparer = await this.users.recipientsByIds(em, [preparedBy]);
    const department = departmentId ? await this.users.recipientsWithRoles(em, DEPARTMENT_ROLES, departmentId) : [];
    const seen = new Set<string>();
    return [...preparer, ...department].filter((r) => !seen.has(r.id) && !!seen.add(r.id));
  }
}

function without(recipients: Recipient[], userId: string): Recipient[] {
  return recipients.filter((r) => r.id !== userId);
}
