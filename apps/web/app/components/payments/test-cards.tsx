import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The cards published for CMI's test platform, which the sandbox gateway accepts too. Shown only
 * next to a test gateway: a buyer on a real one never sees card numbers.
 */
const testCards = [
  { labelKey: 'checkout.testCardVisa', number: '4000 0000 0000 0010', cvc: '000' },
  { labelKey: 'checkout.testCardMastercard', number: '5453 0100 0006 6100', cvc: '000' },
  { labelKey: 'checkout.testCard3ds', number: '5191 6301 0000 4896', cvc: '000' },
] as const;

export function TestCards() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" mt="sm" title={t('checkout.testCardsTitle')} data-testid="test-cards">
      <Text size="sm" mb="xs">
        {t('checkout.testCardsText')}
      </Text>
      <List size="sm" spacing={4}>
        {testCards.map((card) => (
          <List.Item key={card.number}>
            {t(card.labelKey)} ·{' '}
            <Text span ff="monospace" dir="ltr" style={{ whiteSpace: 'nowrap' }} data-testid="test-card-number">
              {card.number}
            </Text>
            {' · '}
            <Text span style={{ whiteSpace: 'nowrap' }}>
              {t('checkout.cvc', { cvc: card.cvc })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
