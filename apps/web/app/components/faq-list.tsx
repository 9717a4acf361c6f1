import { Box } from '@mantine/core';
import classes from './faq-list.module.css';
import { JsonLd } from './json-ld';

export interface FaqItem {
  id: string;
  question: string;
  answer: string;
}

/**
 * An accordion of questions on <details>, so it opens without JavaScript and search engines read
 * every answer; with the FAQPage structured data they can show them as rich results.
 */
export function FaqList({ items, structuredData = true }: { items: FaqItem[]; structuredData?: boolean }) {
  return (
    <Box>
      {items.map((item) => (
        <details key={item.id} className={classes.item}>
          <summary className={classes.question}>{item.question}</summary>
          <div className={classes.answer}>{item.answer}</div>
        </details>
      ))}
      {structuredData && items.length > 0 && (
        <JsonLd
          data={{
            '@context': 'https://schema.org',
            '@type': 'FAQPage',
            mainEntity: items.map((item) => ({
              '@type': 'Question',
              name: item.question,
              acceptedAnswer: { '@type': 'Answer', text: item.answer },
            })),
          }}
        />
      )}
    </Box>
  );
}
