/**
 * Whether an operator may still act. Auth verifies operator tokens, but the platform module owns
 * the operators; it provides this under OPERATOR_ACCOUNTS, so auth never reaches up to platform
 * (docs/ARCHITECTURE.md, "Layers").
 */
export interface OperatorAccounts {
  isActive(operatorId: string): Promise<boolean>;
}

export const OPERATOR_ACCOUNTS = Symbol('OPERATOR_ACCOUNTS');
