import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';

// react-markdown blanks unsafe URLs (javascript: and the like) to "". An <a href=""> would reload
// the app at its start page, so such a link is shown as plain text instead.
function SafeLink({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/**
 * Markdown rendered safely: react-markdown builds React elements (never innerHTML), raw HTML in
 * the text is dropped, and link URLs pass its transform, which blanks `javascript:` and the like.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml components={{ a: SafeLink }}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
