'use client';

import { useEffect, useState } from 'react';

/** The waits between looks: 1 s, doubling to at most 15 s; about five minutes in all. */
const FIRST_MS = 1000;
const LONGEST_MS = 15_000;
const LOOKS = 25;

/**
 * Looks again (calls `look`) while `waiting` is true: soon at first, then less and less often, and
 * not at all after about five minutes, so a job that failed does not leave a page polling the
 * server for as long as it stays open. Answers true once it has given up; a new wait (`waiting`
 * turning false, then true again) starts over.
 */
export function useBackoffPoll(waiting: boolean, look: () => void): boolean {
  const [looks, setLooks] = useState(0);
  useEffect(() => {
    if (!waiting) {
      setLooks(0);
      return;
    }
    if (looks >= LOOKS) return;
    const timer = setTimeout(
      () => {
        setLooks((n) => n + 1);
        look();
      },
      Math.min(FIRST_MS * 2 ** looks, LONGEST_MS),
    );
    return () => clearTimeout(timer);
    // `look` is a new function on every render: the next look is planned only when `waiting` or
    // the count changes.
  }, [waiting, looks]);
  return waiting && looks >= LOOKS;
}
