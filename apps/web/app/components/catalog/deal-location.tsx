import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ProductLocation } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';

/**
 * The address as text and a link to OpenStreetMap at the coordinates: no map tiles or scripts
 * from a third party on the page (speed, privacy), one tap away for directions.
 */
export function DealLocation({ location }: { location: ProductLocation }) {
  const { t } = useTranslation();
  const { latitude, longitude } = location;
  const mapUrl =
    latitude !== null && longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`
      : `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${location.address}, ${location.city}`)}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="location-title">
      <Stack gap={4}>
        <Title order={2} size="h4" id="location-title">
          {t('deal.location')}
        </Title>
        <Text component="address" fs="normal">
          {location.address}
          <br />
          {location.city}
        </Text>
        <Anchor href={mapUrl} target="_blank" rel="noopener noreferrer" data-testid="map-link">
          {t('deal.openMap')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
