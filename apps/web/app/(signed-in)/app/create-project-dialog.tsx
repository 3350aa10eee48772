'use client';

import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { useToast } from '../../../components/ui/toast';

const minimumNameLength = 3;

// Client-side check for instant feedback only; the server will validate with core's zod schema
// once project creation exists.
function validateProjectName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Enter a project name.';
  if (trimmed.length < minimumNameLength) {
    return `Use at least ${minimumNameLength} characters.`;
  }
  return undefined;
}

export function CreateProjectDialog() {
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempted, setAttempted] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function handleOpenChange(nextOpen: boolean) {
    setOpen(nextOpen);
    if (!nextOpen) {
      setName('');
      setError(undefined);
      setAttempted(false);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validateProjectName(name);
    setAttempted(true);
    setError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    handleOpenChange(false);
    toast({
      title: 'Project not created yet',
      description: `“${name.trim()}” was not saved: project creation arrives with the tenancy issue.`,
    });
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            className="size-4"
          >
            <path d="M12 5v14M5 12h14" />
          </svg>
          New project
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Create a project"
        description="Give the project a name your team will recognise. You can change it later."
      >
        <form noValidate onSubmit={handleSubmit} className="grid gap-6">
          <FormField
            label="Project name"
            hint="Everyone in the workspace sees this name."
            error={error}
            required
          >
            <Input
              ref={inputRef}
              name="name"
              autoComplete="off"
              placeholder="e.g. Marketing site"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                // Re-validate as the user types only after a first submit, so no premature errors.
                if (attempted) setError(validateProjectName(event.target.value));
              }}
            />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit">Create project</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
