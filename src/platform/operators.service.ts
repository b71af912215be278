import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { LoginThrottle } from '../auth/login-throttle.service';
import { PasswordHasher } from '../users/password-hasher.service';
import { passwordProblem } from '../users/password-policy';
import { isUniqueViolation } from '../common/sql';
import { AppConfig } from '../config/app-config';
import { Operator } from './operator.entity';
import { OperatorRow, OperatorsRepository } from './operators.repository';
import { PlatformAuditService } from './platform-audit.service';

/** Why a sign-in failed, for the audit log only (the caller always answers the same 401). */
export type CredentialsOutcome =
  { operator: Operator } | { refused: 'unknown email' | 'wrong password' | 'account disabled' };

/** The 409s of the guard that keeps the console reachable carry `reason` so the console can explain them. */
const guardRefusal = (reason: 'own-account' | 'last-active', message: string) =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message, reason });

@Injectable()
export class OperatorsService {
  private readonly logger = new Logger(OperatorsService.name);

  constructor(
    @InjectRepository(Operator) private readonly operators: Repository<Operator>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: OperatorsRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
    private readonly audit: PlatformAuditService,
  ) {}

  /** Creates the first operator from PLATFORM_ADMIN_EMAIL/PASSWORD when there is none yet. */
  async ensureFirstOperator(): Promise<void> {
    if ((await this.operators.count()) > 0) return;
    const { email, password } = this.config.platformAdmin;
    const passwordHash = await this.hasher.hash(password);
    // ON CONFLICT: two processes starting together must not both fail or both insert.
    await this.operators.query(
      `INSERT INTO platform.operators (email, name, password_hash)
       SELECT $1, 'Platform operator', $2 WHERE NOT EXISTS (SELECT 1 FROM platform.operators)
       ON CONFLICT DO NOTHING`,
      [email, passwordHash],
    );
    this.logger.log(`Created the first platform operator ${email}`);
  }

  /** Checks an operator's password, behind the same brute-force limits as province sign-in. */
  async verifyCredentials(email: string, password: string, address?: string): Promise<Operator | null> {
    const outcome = await this.checkCredentials(email, password, address);
    return 'operator' in outcome ? outcome.operator : null;
  }

  /** As verifyCredentials, telling why a sign-in failed (for the audit log). */
  async checkCredentials(email: string, password: string, address?: string): Promise<CredentialsOutcome> {
    await this.throttle.assertAllowed('platform', email, address);
    const operator = await this.operators
      .createQueryBuilder('o')
      .addSelect('o.passwordHash')
      .where('lower(o.email) = lower(:email)', { email })
      .getOne();
    const ok = await this.hasher.verify(operator?.passwordHash, password);
    if (!operator || !ok || operator.status !== 'active') {
      await this.throttle.recordFailure('platform', email, address);
      return { refused: !operator ? 'unknown email' : !ok ? 'wrong password' : 'account disabled' };
    }
    await this.throttle.recordSuccess('platform', email);
    await this.operators.update(operator.id, { lastLoginAt: new Date() });
    return { operator };
  }

  async get(id: string): Promise<OperatorRow> {
    const operator = await this.repo.find(id);
    if (!operator) throw new NotFoundException(`No operator with id ${id}`);
    return operator;
  }

  /** Is this operator still allowed in? Asked on every operator request (one primary-key read). */
  async isActive(id: string): Promise<boolean> {
    return (await this.repo.statusOf(id)) === 'active';
  }

  list(): Promise<OperatorRow[]> {
    return this.repo.list();
  }

  /** Adds an operator who can sign in at once; the password follows the province users' policy. */
  async create(input: { email: string; name: string; password: string }): Promise<OperatorRow> {
    const email = input.email.trim().toLowerCase();
    const problem = passwordProblem(input.password, email);
    if (problem) {
      const fields = { password: [problem] };
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [problem], fields });
    }
    let operator: OperatorRow;
    try {
      operator = await this.repo.insert(email, input.name.trim(), await this.hasher.hash(input.password));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(`email: an operator with the email ${email} already exists`);
      }
      throw error;
    }
    await this.audit.record('operator.created', operator.email, { operatorId: operator.id, name: operator.name });
    return operator;
  }

  /**
   * Disables or enables an operator. Disabling yourself or the last active operator is refused,
   * so the console can never lock everybody out; disabling ends the operator's sessions (refresh
   * tokens revoked here, access tokens refused at their next request by the status check).
   */
  async setEnabled(id: string, enabled: boolean, actorId: string): Promise<OperatorRow> {
    return this.dataSource.transaction(async (em) => {
      const active = await this.repo.lockActive(em);
      const current = await this.repo.find(id, em);
      if (!current) throw new NotFoundException(`No operator with id ${id}`);
      if (!enabled && current.status === 'active') {
        if (id === actorId) {
          throw guardRefusal('own-account', 'You cannot disable your own account; ask another operator');
        }
        if (active.length <= 1) {
          const message = `${current.email} is the last active operator; add or enable another operator first`;
          throw guardRefusal('last-active', message);
        }
      }
      const status = enabled ? 'active' : 'disabled';
      if (current.status === status) return current;
      const updated = (await this.repo.setStatus(em, id, status))!;
      if (!enabled) await this.repo.revokeAllOf(em, id);
      const action = enabled ? 'operator.enabled' : 'operator.disabled';
      await this.audit.record(action, updated.email, { operatorId: id }, { em });
      return updated;
    });
  }
}
