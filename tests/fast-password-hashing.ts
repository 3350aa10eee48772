import { setPasswordHashingForTests } from '@plinth/core/identity';

// Every `npm test` file hashes passwords with argon2id at its floor parameters: signing up and in
// hundreds of people at production cost (19 MiB, 2 passes) was the suite's largest CPU cost. The
// tests about hashing itself switch back (packages/core/src/identity/password-policy.test.ts).
setPasswordHashingForTests('fast');
