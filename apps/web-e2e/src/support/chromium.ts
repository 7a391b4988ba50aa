import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export const CHROMIUM_MISSING_MESSAGE = `
************************************************************************
  Chromium was not found at ${CHROMIUM_PATH}: the browser tests did NOT run.
  Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)
  or point CHROMIUM_PATH at a Chromium/Chrome binary.
************************************************************************`;
