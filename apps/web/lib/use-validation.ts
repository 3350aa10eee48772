'use client';

import { useTranslations } from 'next-intl';
import {
  emailProblem,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  nameProblem,
  newPasswordProblem,
} from './validation';

/**
 * The form checks of lib/validation.ts, worded in the reader's language (common.validation).
 * The same rules as the English validate* functions: only the words differ.
 */
export function useValidation() {
  const t = useTranslations('common.validation');
  return {
    passwordHint: t('passwordHint', { min: MIN_PASSWORD_LENGTH }),
    email(email: string): string | undefined {
      const problem = emailProblem(email);
      return problem ? t(problem) : undefined;
    },
    newPassword(password: string): string | undefined {
      const problem = newPasswordProblem(password);
      if (problem === 'passwordMin') return t('passwordMin', { min: MIN_PASSWORD_LENGTH });
      if (problem === 'passwordMax') return t('passwordMax', { max: MAX_PASSWORD_LENGTH });
      return problem ? t(problem) : undefined;
    },
    name(name: string): string | undefined {
      const problem = nameProblem(name);
      if (problem === 'nameMax') return t('nameMax', { max: MAX_NAME_LENGTH });
      return problem ? t(problem) : undefined;
    },
    required(value: string): string | undefined {
      return value.trim() === '' ? t('passwordRequired') : undefined;
    },
  };
}
