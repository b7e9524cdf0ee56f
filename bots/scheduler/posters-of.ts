import type { Poster } from './poster.ts';

/** The posters the running adapters offer: each adapter exposes its Poster as a `poster` property. */
export function postersOf(adapters: readonly object[]): Poster[] {
  return adapters.flatMap((adapter) => {
    const poster = (adapter as { poster?: Poster }).poster;
    return poster && typeof poster.post === 'function' ? [poster] : [];
  });
}
