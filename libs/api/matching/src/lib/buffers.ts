/** Growable typed arrays: the index keeps numbers in flat buffers, not objects, to stay small and fast. */
export function growInt32(arr: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Int32Array(Math.max(min, arr.length * 2, 4));
  next.set(arr);
  return next;
}

export function growUint32(arr: Uint32Array<ArrayBuffer>, min: number): Uint32Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Uint32Array(Math.max(min, arr.length * 2, 4));
  next.set(arr);
  return next;
}

export function growFloat32(arr: Float32Array<ArrayBuffer>, min: number): Float32Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Float32Array(Math.max(min, arr.length * 2, 16));
  next.set(arr);
  return next;
}

export function growFloat64(arr: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Float64Array(Math.max(min, arr.length * 2, 16));
  next.set(arr);
  return next;
}

export function growUint8(arr: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (arr.length >= min) return arr;
  const next = new Uint8Array(Math.max(min, arr.length * 2, 16));
  next.set(arr);
  return next;
}

/** Indices of the `k` largest values of `score` among `items` (a bounded min-heap), best first. */
export function topK(items: Int32Array, count: number, score: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => (score[a] as number) < (score[b] as number);
  for (let i = 0; i < count; i++) {
    const item = items[i] as number;
    if (heap.length < k) {
      heap.push(item);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(heap[c] as number, heap[p] as number)) break;
        [heap[c], heap[p]] = [heap[p] as number, heap[c] as number];
        c = p;
      }
    } else if (less(heap[0] as number, item)) {
      heap[0] = item;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && less(heap[l] as number, heap[m] as number)) m = l;
        if (r < heap.length && less(heap[r] as number, heap[m] as number)) m = r;
        if (m === p) break;
        [heap[m], heap[p]] = [heap[p] as number, heap[m] as number];
        p = m;
      }
    }
  }
  return heap.sort((a, b) => (score[b] as number) - (score[a] as number));
}
