/**
 * Practice-card text as the report printed it: lines starting with "- " are
 * bullet points, other lines are paragraphs. Rendered as text, never as HTML.
 */
export function Prose({ text }: { text: string }) {
  const blocks: { kind: 'p' | 'ul'; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^[-•]\s+/.test(line);
    const body = line.replace(/^[-•]\s+/, '');
    const last = blocks[blocks.length - 1];
    if (bullet && last?.kind === 'ul') last.lines.push(body);
    else blocks.push({ kind: bullet ? 'ul' : 'p', lines: [body] });
  }
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === 'ul' ? (
          <ul key={i} class="prose-list">
            {b.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{b.lines[0]}</p>
        ),
      )}
    </>
  );
}
