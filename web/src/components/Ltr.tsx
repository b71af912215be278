import { ReactNode } from 'react';

/**
 * Amounts, codes, dates and e-mail addresses read left to right even inside Urdu text: <bdi>
 * isolates them so the surrounding right-to-left run neither reorders nor swallows them.
 */
export function Ltr({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {children}
    </bdi>
  );
}
