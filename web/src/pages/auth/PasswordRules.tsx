import { List, Text, VisuallyHidden } from '@mantine/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../../../src/users/password-policy';
import { useI18n } from '../../i18n/i18n';

/** Different characters a password needs (src/users/password-policy.ts). */
const DISTINCT_MIN = 5;
/** The email's name part counts only from this length (src/users/password-policy.ts). */
const EMAIL_NAME_MIN = 4;

type RuleState = 'met' | 'unmet' | 'stated';

interface Rule {
  id: string;
  text: string;
  state: RuleState;
}

/**
 * The password rules as a checklist that follows the typing, so nobody learns them from a
 * refusal. The server applies the same policy (passwordProblem) and has the last word.
 */
export function usePasswordRules(password: string, confirmation: string, email?: string) {
  const { t } = useI18n();
  const local = email?.split('@')[0].toLowerCase() ?? '';
  const rules: Rule[] = [
    {
      id: 'length',
      text: t('auth.rule.length', { min: PASSWORD_MIN_LENGTH }),
      state: password.length >= PASSWORD_MIN_LENGTH ? 'met' : 'unmet',
    },
    {
      id: 'distinct',
      text: t('auth.rule.distinct', { min: DISTINCT_MIN }),
      state: new Set(password).size >= DISTINCT_MIN ? 'met' : 'unmet',
    },
    email
      ? {
          id: 'email',
          text: t('auth.rule.notEmailKnown', { name: local }),
          state:
            password && !(local.length >= EMAIL_NAME_MIN && password.toLowerCase().includes(local)) ? 'met' : 'unmet',
        }
      : // The page does not know whose link it is, so the rule is stated and the server checks it.
        { id: 'email', text: t('auth.rule.notEmail'), state: 'stated' },
    { id: 'match', text: t('auth.rule.match'), state: confirmation && confirmation === password ? 'met' : 'unmet' },
  ];

  /** Why the new password cannot be sent yet, in the user's language; null when it can. */
  const problem = (): string | null => {
    const unmet = rules.find((r) => r.id !== 'match' && r.state === 'unmet');
    if (unmet) return unmet.text;
    // Whatever the checklist cannot see (the maximum length) the policy itself still catches.
    return passwordProblem(password, email ?? '') ? t('auth.rule.tooLong', { max: PASSWORD_MAX_LENGTH }) : null;
  };
  const mismatch = (): string | null => (confirmation === password ? null : t('auth.rule.mismatch'));
  return { rules, problem, mismatch };
}

/** The server's password refusal in the user's language where it is one of the policy's reasons. */
export function usePasswordMessage() {
  const { t } = useI18n();
  return (message: string): string => {
    if (/at least \d+ characters/.test(message)) return t('auth.rule.length', { min: PASSWORD_MIN_LENGTH });
    if (/at most \d+ characters/.test(message)) return t('auth.rule.tooLong', { max: PASSWORD_MAX_LENGTH });
    if (/different characters/.test(message)) return t('auth.rule.distinct', { min: DISTINCT_MIN });
    if (/email/.test(message)) return t('auth.rule.notEmailRefused');
    return message;
  };
}

const MARK: Record<RuleState, string> = { met: '✓', unmet: '○', stated: '•' };
const COLOUR: Record<RuleState, string> = { met: 'green.8', unmet: 'dimmed', stated: 'dimmed' };

/**
 * Rendered as the new-password input's description (see RULES_AS_DESCRIPTION), so a screen
 * reader hears the rules and how far the typing meets them when it enters the field.
 */
export function PasswordRules({ rules }: { rules: Rule[] }) {
  const { t } = useI18n();
  const stateText: Record<RuleState, string> = { met: t('auth.rule.met'), unmet: t('auth.rule.unmet'), stated: '' };
  return (
    <>
      <Text size="sm" fw={600} mb={4} mt={4} c="var(--mantine-color-text)">
        {t('auth.rule.heading')}
      </Text>
      <List size="sm" spacing={2} listStyleType="none" data-testid="password-rules">
        {rules.map((rule) => (
          <List.Item key={rule.id} c={COLOUR[rule.state]} data-rule={rule.id} data-state={rule.state}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: '1.5em' }}>
              {MARK[rule.state]}
            </span>
            {rule.text}
            {stateText[rule.state] ? <VisuallyHidden> ({stateText[rule.state]})</VisuallyHidden> : null}
          </List.Item>
        ))}
      </List>
    </>
  );
}

/** Input props that put the checklist under the input (after any error) as its description. */
export const RULES_AS_DESCRIPTION = {
  descriptionProps: { component: 'div' },
  inputWrapperOrder: ['label', 'input', 'error', 'description'] as ('label' | 'input' | 'error' | 'description')[],
};
