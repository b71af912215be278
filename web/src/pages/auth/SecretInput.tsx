import { PasswordInput, PasswordInputProps } from '@mantine/core';
import { PASSWORD_MAX_LENGTH } from '../../../../src/users/password-policy';
import { useI18n } from '../../i18n/i18n';

/**
 * A password field as every screen here has it: required without an asterisk (optional fields
 * say so instead), the server's length limit, the show-typed button named in the user's
 * language, and aria-invalid set with the error (Mantine's PasswordInput leaves it off).
 */
export function SecretInput({ error, ...props }: PasswordInputProps) {
  const { t } = useI18n();
  return (
    <PasswordInput
      className="field"
      required
      withAsterisk={false}
      maxLength={PASSWORD_MAX_LENGTH}
      {...props}
      error={error}
      aria-invalid={!!error}
      visibilityToggleButtonProps={{ 'aria-label': t('auth.showTyped') }}
    />
  );
}
