import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** Text with `backtick` spans set as code; nothing else is interpreted. */
function withCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/u).map((part, index) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 2 ? (
      <code key={index} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

/**
 * Questions and answers of a public page, as native disclosure widgets (`<details>`): keyboard and
 * screen-reader support come with the element, and every answer is in the HTML for search engines.
 */
export function Faq({
  id,
  title,
  items,
}: {
  id: string;
  title?: string;
  items: readonly { question: string; answer: string }[];
}) {
  const t = useTranslations('landing');
  return (
    <section aria-labelledby={id} data-testid="faq">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        {title ?? t('faqDefaultTitle')}
      </h2>
      <div className="mt-6 divide-y divide-border rounded-xl border border-border">
        {items.map((item) => (
          <details key={item.question} className="group px-5 py-4">
            <summary className="flex cursor-pointer list-none items-start justify-between gap-4 rounded-sm font-medium [&::-webkit-details-marker]:hidden">
              <h3 className="text-base">{item.question}</h3>
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                className="mt-0.5 size-5 shrink-0 text-muted-foreground transition-transform group-open:rotate-180"
              >
                <path d="m6 9 6 6 6-6" />
              </svg>
            </summary>
            <p className="mt-2 text-sm leading-relaxed text-pretty text-muted-foreground">
              {withCode(item.answer)}
            </p>
          </details>
        ))}
      </div>
    </section>
  );
}
