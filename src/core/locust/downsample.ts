// Streaming min/max downsampling over time buckets, in bounded memory, for series sharing one time axis.
//
// Why min/max rather than averaging or LTTB: a latency spike or an RPS drop is what a reader looks for, and
// averaging erases it. LTTB needs the whole series (or a fixed bucket count known in advance); here the length
// of the file is unknown while streaming, so buckets start 1 s wide and double (merging neighbours) whenever
// they would exceed the budget. Each bucket keeps, per series, its min and max and when they happened, and
// yields at most two points: spikes survive at any zoom-out, memory stays O(buckets x series).

export interface DownsampledSeries {
  t: number[];
  values: Array<Array<number | null>>;
}

export class MinMaxBuckets {
  private width = 1;
  private origin = Number.NaN;
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

  constructor(
    private readonly series: number,
    capacity: number,
  ) {
    // Even, so compaction pairs every bucket.
    this.capacity = Math.max(2, Math.floor(capacity / 2) * 2);
    const size = this.capacity;
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
      if (!(value >= min)) {
        this.min[at] = value;
        this.tMin[at] = t;
      }
      const max = this.max[at];
      if (!(value <= max)) {
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
    this.used = Math.ceil(this.used / 2);
    this.width *= 2;
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
