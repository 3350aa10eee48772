/** An avatar's or a logo's state as the pages show it: ready, with its images once resized. */
export interface ImageState {
  status: 'pending' | 'ready' | 'rejected';
  urls: { small: string; large: string } | null;
}
