import { Alert, AlertProps, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, UseMutationResult } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { Me } from '../../api/types';
import { useSession } from '../../auth/session';
import { useErrorText } from '../../components/QueryState';

/*
 * What the profile page's cards share: the card itself, saving one setting of one's own account
 * (PATCH /api/me, then the session reloads who one is), and the line that says how it went.
 */

export function ProfileSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * Saves one setting with PATCH /api/me. `saved` holds from a success until the next save or
 * `clearSaved` (the user changes the value again); `onSaved` runs before the session reloads.
 */
export interface MeChange<T> {
  mutation: UseMutationResult<Me, Error, T>;
  saved: boolean;
  save(value: T): void;
  clearSaved(): void;
}

export function useMeChange<T>(
  bodyOf: (value: T) => Record<string, unknown>,
  onSaved?: (value: T) => void,
): MeChange<T> {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (value: T) => api.patch<Me>('/api/me', bodyOf(value)),
    onSuccess: async (_data, value) => {
      onSaved?.(value);
      setSaved(true);
      await session.reloadMe();
    },
  });
  const save = (value: T) => {
    setSaved(false);
    mutation.mutate(value);
  };
  return { mutation, saved, save, clearSaved: () => setSaved(false) };
}

/** "Saved" once it is, or the server's error when `failed`. */
export function SaveOutcome({
  saved,
  savedText,
  failed,
  error,
  alertMt,
}: {
  saved: boolean;
  savedText: string;
  failed: boolean;
  error: unknown;
  alertMt?: AlertProps['mt'];
}) {
  const errorText = useErrorText();
  return (
    <>
      {saved ? (
        <Text size="sm" c="green.9" role="status">
          {savedText}
        </Text>
      ) : null}
      {failed ? (
        <Alert color="red" role="alert" mt={alertMt}>
          {errorText(error)}
        </Alert>
      ) : null}
    </>
  );
}

/**
 * A card that saves one choice among a few (radios, then a button): the radios change only the
 * choice; the button saves it.
 */
export function ChoiceCard<T extends string>(props: {
  id: string;
  title: string;
  label: string;
  description: string;
  name: string;
  options: { value: T; label: ReactNode }[];
  value: T;
  onChange: (value: T) => void;
  change: MeChange<T>;
  saveLabel: string;
  savedText: string;
  /** The button is off while the choice is what is saved already (where the card knows it). */
  unchanged?: boolean;
}) {
  const { change } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.save(props.value);
  };
  return (
    <ProfileSection id={props.id} title={props.title}>
      <form onSubmit={submit}>
        <Stack gap="sm" align="flex-start">
          <Radio.Group
            label={props.label}
            description={props.description}
            value={props.value}
            onChange={(value) => {
              props.onChange(value as T);
              change.clearSaved();
            }}
            name={props.name}
          >
            <Group gap="lg" mt="xs">
              {props.options.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
          <Button type="submit" variant="light" loading={change.mutation.isPending} disabled={props.unchanged}>
            {props.saveLabel}
          </Button>
          <SaveOutcome
            saved={change.saved}
            savedText={props.savedText}
            failed={change.mutation.isError}
            error={change.mutation.error}
          />
        </Stack>
      </form>
    </ProfileSection>
  );
}
