import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoginThrottle } from '../auth/login-throttle.service';
import { PasswordHasher } from '../auth/password-hasher.service';
import { AppConfig } from '../config/app-config';
import { Operator } from './operator.entity';

@Injectable()
export class OperatorsService {
  private readonly logger = new Logger(OperatorsService.name);

  constructor(
    @InjectRepository(Operator) private readonly operators: Repository<Operator>,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
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
    await this.throttle.assertAllowed('platform', email, address);
    const operator = await this.operators
      .createQueryBuilder('o')
      .addSelect('o.passwordHash')
      .where('lower(o.email) = lower(:email)', { email })
      .getOne();
    const ok = await this.hasher.verify(operator?.passwordHash, password);
    if (!operator || !ok || operator.status !== 'active') {
      await this.throttle.recordFailure('platform', email, address);
      return null;
    }
    await this.throttle.recordSuccess('platform', email);
    await this.operators.update(operator.id, { lastLoginAt: new Date() });
    return operator;
  }
}
