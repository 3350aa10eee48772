interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/**
 * The newest captured mail to `to` whose text holds a link matching `link`, polled through
 * GET /api/dev/mail: the mail.send worker (or the outbox relay) delivers a moment after the request
 * that queued it.
 */
export async function waitForMailLink(
  baseUrl: string,
  to: string,
  link: RegExp,
  timeoutMs = 30_000,
  /** Links already followed: wait for a newer mail instead of returning one of these again. */
  except: readonly string[] = [],
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/dev/mail?to=${encodeURIComponent(to)}`);
    if (response.ok) {
      const { messages } = (await response.json()) as { messages: CapturedMail[] };
      lastSeen = messages.map((message) => message.subject).join(', ');
      for (const message of messages) {
        const match = link.exec(message.text);
        if (match && !except.includes(match[0])) return match[0];
      }
    } else {
      lastSeen = `HTTP ${response.status}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} with a link like ${link} (saw: ${lastSeen || 'nothing'})`);
}
