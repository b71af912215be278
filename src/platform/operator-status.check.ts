import { Injectable } from '@nestjs/common';
import { OperatorAccounts } from '../auth/operator-accounts';
import { OperatorsRepository } from './operators.repository';

/**
 * Auth's OPERATOR_ACCOUNTS: is this operator still allowed in? One primary-key read, asked on every
 * operator request. Every process that loads auth provides it, the worker too: passport keeps one
 * strategy per name per process, so when the API and a worker share a process (tests, bench) the
 * worker's copy may be the one that verifies the API's tokens.
 */
@Injectable()
export class OperatorStatusCheck implements OperatorAccounts {
  constructor(private readonly operators: OperatorsRepository) {}

  async isActive(operatorId: string): Promise<boolean> {
    return (await this.operators.statusOf(operatorId)) === 'active';
  }
}
