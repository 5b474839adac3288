import helmet from 'helmet';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Configuration } from '@sla/configuration';

/**
 * Helmet's defaults (no X-Powered-By, nosniff, frame and referrer policies, HSTS for a TLS proxy in front) with a
 * Content-Security-Policy fitted to the two HTML pages the API serves: the API reference at /docs loads only its own
 * scripts (no inline script, no eval), and the report pages carry their style sheet inline in a <style> element and
 * draw charts as inline SVG, hence 'unsafe-inline' for styles only. Styles from other hosts (Helmet's `https:`) are
 * not needed. `upgrade-insecure-requests` is off: the API itself speaks plain HTTP, and a browser on
 * http://127.0.0.1 would otherwise fetch the reference's assets over HTTPS and fail.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
  });
}

/** Cross-origin browser calls: none unless CORS_ORIGINS lists the origins allowed, then exactly those. */
export function corsOptions(configuration: Configuration): CorsOptions | undefined {
  const origins = configuration.CORS_ORIGINS;
  if (!origins || origins.length === 0) return undefined;
  return {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // Responses a browser client needs to read beyond the simple headers.
    exposedHeaders: [
      'Location',
      'ETag',
      'Retry-After',
      'Allow',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ],
    maxAge: 600,
  };
}
