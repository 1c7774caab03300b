// Headless Debian Chromium driven by playwright-core, with the flags this machine needs
// (shared/reference/toolchain.md): no sandbox as root, no GPU, no QUIC, no background
// networking (the closed network refuses it), a fresh profile per launch.
import { chromium } from 'playwright-core';

/** Debian's chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The command-line flags every launch uses. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. `options.args` adds flags; `options.headless` (default true);
 * other options go to playwright's `chromium.launch`.
 */
export async function launch(options = {}) {
  const { args = [], headless = true, ...rest } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: [...CHROMIUM_FLAGS, ...args],
    ...rest,
  });
}

const errorLogs = new WeakMap();

/**
 * Opens a page in its own fresh context (own cache, storage and service workers; closing
 * the page closes the context). Options: `viewport` ({width, height}, default 1280×800),
 * `locale` (e.g. "es-ES"), `colorScheme` ("light" | "dark"), `offline`, `geolocation`
 * ({latitude, longitude}; grants the permission), `timezoneId`, `javaScriptEnabled`, and any
 * other playwright context option via `context`.
 * The page's console errors and uncaught exceptions are collected: see `pageErrors(page)`.
 */
export async function newPage(browser, options = {}) {
  const { viewport = { width: 1280, height: 800 }, locale, colorScheme, offline, geolocation, timezoneId, javaScriptEnabled, context: more = {} } = options;
  const contextOptions = { viewport, ...more };
  if (locale) contextOptions.locale = locale;
  if (colorScheme) contextOptions.colorScheme = colorScheme;
  if (timezoneId) contextOptions.timezoneId = timezoneId;
  if (javaScriptEnabled !== undefined) contextOptions.javaScriptEnabled = javaScriptEnabled;
  if (geolocation) {
    contextOptions.geolocation = geolocation;
    contextOptions.permissions = [...(contextOptions.permissions ?? []), 'geolocation'];
  }
  const context = await browser.newContext(contextOptions);
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  const errors = [];
  errorLogs.set(page, errors);
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('close', () => {
    context.close().catch(() => {});
  });
  return page;
}

/** Console errors and uncaught exceptions seen on `page` so far (strings, in order). */
export function pageErrors(page) {
  return errorLogs.get(page) ?? [];
}
