// Streaming min/max downsampling over time buckets, in bounded memory, for series sharing one time axis.
//
// Why min/max rather than averaging or LTTB: a latency spike or an RPS drop is what a reader looks for, and
// averaging erases it. LTTB needs the whole series (or a fixed bucket count known in advance); here the length
// of the file is unknown while streaming, so buckets start 1 s wide and double (merging neighbours) whenever
// they would exceed the budget. Each bucket keeps, per series, its min and max and when they happened, and
// yields at most two points: spikes survive at any zoom-out, memory stays O(buckets x series).
//
// The state is a function of the set of (t, values) added, not of their order: a bucket's extreme keeps the
// earliest t among equal values, and the width is the smallest power of two that fits the latest t. So buckets
// filled from parts of a file in parallel (historyParallel.ts) and merged equal one pass over the whole file.

export interface DownsampledSeries {
  t: number[];
  values: Array<Array<number | null>>;
}

/** A MinMaxBuckets' arrays and scalars: what a worker thread sends back (structured-clonable). */
export interface BucketState {
  width: number;
  origin: number;
  used: number;
  tFirst: Float64Array;
  tLast: Float64Array;
  count: Uint32Array;
  min: Float64Array;
  max: Float64Array;
  tMin: Float64Array;
  tMax: Float64Array;
}

/** Even, so compaction pairs every bucket. */
function evenCapacity(capacity: number): number {
  return Math.max(2, Math.floor(capacity / 2) * 2);
}

export class MinMaxBuckets {
  private width = 1;
  private used = 0;
  private readonly tFirst: Float64Array;
  private readonly tLast: Float64Array;
  private readonly count: Uint32Array;
  // Per bucket b and series s at [b * series + s]; NaN = no value yet.
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly tMin: Float64Array;
  private readonly tMax: Float64Array;

  private readonly capacity: number;

  /**
   * `origin`: where bucket 0 starts; NaN takes the first t added. Buckets to be merged share one origin.
   * `taken`: a state from state(), whose arrays are used as they are (see adopt()).
   */
  constructor(
    private readonly series: number,
    capacity: number,
    private origin = Number.NaN,
    taken?: BucketState,
  ) {
    this.capacity = evenCapacity(capacity);
    const size = this.capacity;
    // state() gives views of arrays that span the whole capacity: the views' buffers are the arrays.
    const whole = <T extends Float64Array | Uint32Array>(array: T, per: number): T => {
      if (array.byteOffset !== 0 || array.buffer.byteLength !== size * per * array.BYTES_PER_ELEMENT) throw new RangeError('bucket state does not span the capacity: not from state()');
      return new (array.constructor as new (buffer: ArrayBufferLike) => T)(array.buffer);
    };
    if (taken) {
      this.width = taken.width;
      this.used = taken.used;
      this.tFirst = whole(taken.tFirst, 1);
      this.tLast = whole(taken.tLast, 1);
      this.count = whole(taken.count, 1);
      this.min = whole(taken.min, series);
      this.max = whole(taken.max, series);
      this.tMin = whole(taken.tMin, series);
      this.tMax = whole(taken.tMax, series);
      return;
    }
    this.tFirst = new Float64Array(size);
    this.tLast = new Float64Array(size);
    this.count = new Uint32Array(size);
    this.min = new Float64Array(size * series).fill(Number.NaN);
    this.max = new Float64Array(size * series).fill(Number.NaN);
    this.tMin = new Float64Array(size * series);
    this.tMax = new Float64Array(size * series);
  }

  /** values[s] is NaN where the cell was N/A or missing. Times must not go backwards by more than a bucket. */
  add(t: number, values: ArrayLike<number>): void {
    if (Number.isNaN(this.origin)) this.origin = t;
    let bucket = Math.max(0, Math.floor((t - this.origin) / this.width));
    while (bucket >= this.capacity) {
      this.compact();
      bucket = Math.floor((t - this.origin) / this.width);
    }
    if (this.count[bucket] === 0) {
      this.tFirst[bucket] = t;
      this.tLast[bucket] = t;
    } else {
      if (t < this.tFirst[bucket]) this.tFirst[bucket] = t;
      if (t > this.tLast[bucket]) this.tLast[bucket] = t;
    }
    this.count[bucket]++;
    if (bucket >= this.used) this.used = bucket + 1;
    const base = bucket * this.series;
    for (let s = 0; s < this.series; s++) {
      const value = values[s];
      if (value !== value) continue; // NaN
      const at = base + s;
      const min = this.min[at];
      if (!(value >= min) || (value === min && t < this.tMin[at])) {
        this.min[at] = value;
        this.tMin[at] = t;
      }
      const max = this.max[at];
      if (!(value <= max) || (value === max && t < this.tMax[at])) {
        this.max[at] = value;
        this.tMax[at] = t;
      }
    }
  }

  /** Doubles the bucket width: bucket 2k and 2k+1 become bucket k. */
  private compact(): void {
    const { series } = this;
    for (let k = 0; k < this.capacity / 2; k++) {
      const a = 2 * k;
      const b = a + 1;
      const countA = this.count[a];
      const countB = this.count[b];
      this.tFirst[k] = countA ? this.tFirst[a] : this.tFirst[b];
      this.tLast[k] = countB ? this.tLast[b] : this.tLast[a];
      this.count[k] = countA + countB;
      for (let s = 0; s < series; s++) {
        const to = k * series + s;
        const fa = a * series + s;
        const fb = b * series + s;
        const minB = this.min[fb];
        const maxB = this.max[fb];
        this.min[to] = this.min[fa];
        this.tMin[to] = this.tMin[fa];
        this.max[to] = this.max[fa];
        this.tMax[to] = this.tMax[fa];
        if (minB < this.min[to] || this.min[to] !== this.min[to]) {
          this.min[to] = minB;
          this.tMin[to] = this.tMin[fb];
        }
        if (maxB > this.max[to] || this.max[to] !== this.max[to]) {
          this.max[to] = maxB;
          this.tMax[to] = this.tMax[fb];
        }
      }
    }
    const half = this.capacity / 2;
    this.count.fill(0, half);
    this.min.fill(Number.NaN, half * series);
    this.max.fill(Number.NaN, half * series);
    // An empty slot's times are 0, so the state depends on the rows alone (merge() and its test compare states).
    this.tFirst.fill(0, half);
    this.tLast.fill(0, half);
    this.tMin.fill(0, half * series);
    this.tMax.fill(0, half * series);
    this.used = Math.ceil(this.used / 2);
    this.width *= 2;
  }

  /**
   * The state to send to another thread: the used buckets, as views of the arrays, not copies (a soak of 40
   * endpoints holds 17 MB of them; copied, each part's worker held them twice). The message moves the whole
   * arrays, so the buckets are not added to after this.
   */
  state(): BucketState {
    const { series, used } = this;
    const part = <T extends Float64Array | Uint32Array>(array: T, per: number): T => array.subarray(0, Math.max(1, used) * per) as T;
    return { width: this.width, origin: this.origin, used, tFirst: part(this.tFirst, 1), tLast: part(this.tLast, 1), count: part(this.count, 1), min: part(this.min, series), max: part(this.max, series), tMin: part(this.tMin, series), tMax: part(this.tMax, series) };
  }

  /**
   * Adds another part's buckets (same series, capacity and origin): both are brought to the wider width, then
   * merged bucket by bucket with add's rules, so the result equals one MinMaxBuckets fed both parts' rows. Takes
   * over `other`'s arrays (adopt()).
   */
  merge(other: BucketState): void {
    if (other.used === 0) return;
    if (this.origin !== this.origin) this.origin = other.origin;
    const incoming = MinMaxBuckets.adopt(this.series, this.capacity, other);
    if (this.used === 0) this.width = incoming.width; // nothing to compact
    while (this.width < incoming.width) this.compact();
    while (incoming.width < this.width) incoming.compact();
    const { series } = this;
    for (let b = 0; b < incoming.used; b++) {
      const count = incoming.count[b];
      if (count === 0) continue;
      if (this.count[b] === 0) {
        this.tFirst[b] = incoming.tFirst[b];
        this.tLast[b] = incoming.tLast[b];
      } else {
        if (incoming.tFirst[b] < this.tFirst[b]) this.tFirst[b] = incoming.tFirst[b];
        if (incoming.tLast[b] > this.tLast[b]) this.tLast[b] = incoming.tLast[b];
      }
      this.count[b] += count;
      for (let s = 0; s < series; s++) {
        const at = b * series + s;
        const min = incoming.min[at];
        if (min === min && (!(min >= this.min[at]) || (min === this.min[at] && incoming.tMin[at] < this.tMin[at]))) {
          this.min[at] = min;
          this.tMin[at] = incoming.tMin[at];
        }
        const max = incoming.max[at];
        if (max === max && (!(max <= this.max[at]) || (max === this.max[at] && incoming.tMax[at] < this.tMax[at]))) {
          this.max[at] = max;
          this.tMax[at] = incoming.tMax[at];
        }
      }
    }
    if (incoming.used > this.used) this.used = incoming.used;
  }

  /**
   * Buckets made of a state that state() gave (sent by another thread, or a clone): its arrays are taken over, not
   * copied, so the state is not to be used after.
   */
  static adopt(series: number, capacity: number, state: BucketState): MinMaxBuckets {
    return new MinMaxBuckets(series, capacity, state.origin, state);
  }

  finish(): DownsampledSeries {
    const t: number[] = [];
    const values: Array<Array<number | null>> = Array.from({ length: this.series }, () => []);
    const orNull = (value: number) => (value === value ? value : null);
    for (let bucket = 0; bucket < this.used; bucket++) {
      if (this.count[bucket] === 0) continue;
      const base = bucket * this.series;
      const single = this.count[bucket] === 1 || this.tFirst[bucket] === this.tLast[bucket];
      t.push(this.tFirst[bucket]);
      if (!single) t.push(this.tLast[bucket]);
      for (let s = 0; s < this.series; s++) {
        const min = this.min[base + s];
        const max = this.max[base + s];
        if (single) {
          values[s].push(orNull(max));
          continue;
        }
        // Keep the order in which the extremes happened, so a spike followed by a dip still reads that way.
        const minFirst = this.tMin[base + s] <= this.tMax[base + s];
        values[s].push(orNull(minFirst ? min : max), orNull(minFirst ? max : min));
      }
    }
    return { t, values };
  }
}
