import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // Bundle the server build's dependencies into one file: importing Mantine, React and i18next
  // as hundreds of separate node_modules files cost ~2 s of every boot.
  ssr: { noExternal: true },
});
