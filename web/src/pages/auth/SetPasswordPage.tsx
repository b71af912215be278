// Placeholder until the screen lands.
export default function SetPasswordPage({ purpose }: { purpose: 'invitation' | 'password-reset' }) {
  return <div>{purpose}</div>;
}
