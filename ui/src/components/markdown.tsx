import ReactMarkdown from 'react-markdown';

/**
 * Markdown rendered safely: react-markdown builds React elements (never innerHTML), raw HTML in
 * the text is dropped, and link URLs pass its transform, which blanks `javascript:` and the like.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml>{text}</ReactMarkdown>
    </div>
  );
}
