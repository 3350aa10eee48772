import { defineRateLimit } from './define-rate-limit';

const minutes = (n: number) => n * 60;
const hours = (n: number) => n * 3600;

/**
 * Every limit on the identity endpoints, in one place. Per-IP rules (keyed on the client's address
 * block) slow one machine guessing many accounts; per-email rules (keyed on the hashed address)
 * slow many machines guessing one account, and cap the mail anyone can make us send to one inbox.
 */
export const identityRateLimits = {
  signInByIp: defineRateLimit({ name: 'sign-in.ip', limit: 20, windowSeconds: minutes(5) }),
  /**
   * Failed password sign-ins per account. Only failures count (a person who knows the password is
   * never locked out by someone else's guesses beyond this window), and crossing the limit mails
   * the owner a lockout notice with a reset link.
   */
  signInFailuresByEmail: defineRateLimit({
    name: 'sign-in-failures.email',
    limit: 10,
    windowSeconds: minutes(15),
  }),
  /**
   * Failed second-factor codes (TOTP or backup) per person, across challenges. Each failure also
   * counts towards signInFailuresByEmail (the lockout); this longer window caps what someone who
   * knows the password can guess in a day: 20 codes, 3 of a million valid each time.
   */
  secondFactorFailuresByUser: defineRateLimit({
    name: 'second-factor-failures.user',
    limit: 20,
    windowSeconds: hours(24),
  }),
  signUpByIp: defineRateLimit({ name: 'sign-up.ip', limit: 10, windowSeconds: hours(1) }),
  /** A sign-up mails the address (a verification link, or "you already have an account"). */
  signUpByEmail: defineRateLimit({ name: 'sign-up.email', limit: 3, windowSeconds: hours(1) }),
  passwordResetByIp: defineRateLimit({ name: 'password-reset.ip', limit: 10, windowSeconds: hours(1) }),
  passwordResetByEmail: defineRateLimit({ name: 'password-reset.email', limit: 3, windowSeconds: hours(1) }),
  verificationEmailByIp: defineRateLimit({
    name: 'verification-email.ip',
    limit: 10,
    windowSeconds: hours(1),
  }),
  verificationEmailByEmail: defineRateLimit({
    name: 'verification-email.email',
    limit: 3,
    windowSeconds: hours(1),
  }),
  magicLinkByIp: defineRateLimit({ name: 'magic-link.ip', limit: 10, windowSeconds: hours(1) }),
  magicLinkByEmail: defineRateLimit({ name: 'magic-link.email', limit: 5, windowSeconds: hours(1) }),
} as const;

/**
 * Invitation mails: a daily quota per workspace and per inviter (the person, across all their
 * workspaces; an API key counts as its creator). Every mail counts, new or resent, and revoking an
 * invitation gives nothing back, so an invite/revoke loop cannot turn Plinth into a mail relay. The
 * workspace quota is the larger of `perWorkspace.limit` and `perWorkspacePerSeat` × the seats its
 * plan includes, so a large team can still onboard in a day.
 */
export const invitationMailQuotas = {
  perWorkspace: defineRateLimit({ name: 'invitation-mail.workspace', limit: 20, windowSeconds: hours(24) }),
  perWorkspacePerSeat: 3,
  perInviter: defineRateLimit({ name: 'invitation-mail.inviter', limit: 100, windowSeconds: hours(24) }),
} as const;
