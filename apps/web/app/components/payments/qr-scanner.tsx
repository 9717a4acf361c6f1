import { Alert, Button, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHydrated } from '../../lib/use-hydrated';

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  if (typeof window === 'undefined') return null;
  const candidate = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return candidate && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

/**
 * Reads a QR code with the phone's camera through the browser's own BarcodeDetector. Browsers
 * without it (or without a camera) never see the button: the code is typed instead.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [scanning, setScanning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const stop = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    setScanning(false);
  }, []);

  useEffect(() => stop, [stop]);

  useEffect(() => {
    const Detector = barcodeDetector();
    const video = videoRef.current;
    if (!scanning || !Detector || !video) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let cancelled = false;
    const tick = async () => {
      if (cancelled) return;
      try {
        if (video.readyState >= 2) {
          const [first] = await detector.detect(video);
          if (first?.rawValue && !cancelled) {
            stop();
            onCode(first.rawValue);
            return;
          }
        }
      } catch {
        // A frame the detector could not read: try the next one.
      }
      window.setTimeout(tick, 250);
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [scanning, onCode, stop]);

  if (!hydrated || !barcodeDetector()) return null;

  const start = async () => {
    setFailure(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      streamRef.current = stream;
      setScanning(true);
      // The video element exists once `scanning` renders it.
      requestAnimationFrame(() => {
        if (videoRef.current) {
          videoRef.current.srcObject = stream;
          void videoRef.current.play();
        }
      });
    } catch {
      setFailure(t('redeem.cameraRefused'));
    }
  };

  return (
    <Stack gap="xs">
      {scanning ? (
        <>
          <video
            ref={videoRef}
            muted
            playsInline
            aria-label={t('redeem.cameraPreview')}
            style={{ width: '100%', maxHeight: '50vh', borderRadius: 8, background: '#000', objectFit: 'cover' }}
          />
          <Text size="sm" c="dimmed">
            {t('redeem.scanHint')}
          </Text>
          <Button variant="default" onClick={stop}>
            {t('redeem.stopCamera')}
          </Button>
        </>
      ) : (
        <Button variant="light" size="lg" onClick={start} data-testid="scan-qr">
          {t('redeem.scan')}
        </Button>
      )}
      {failure && (
        <Alert color="orange" role="status">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
